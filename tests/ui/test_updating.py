"""Updating an edition: the version shows, settings stay, a changed disclaimer is asked again.

tests/test_bundle.py does the same with real installers (a newer tar.gz and .deb over the old).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.model import Pack
from guide.modes import ModePolicy
from guide.profile import DATA_DIR_ENV
from guide.ui import application
from guide.ui.main_window import MainWindow
from tests.conftest import MANIFEST, TINY_PACK, write_pack


def release(folder: Path, version: str, disclaimer: str) -> Pack:
    """The test pack as edition org.example.lupus at ``version``, installed in ``folder``."""
    manifest = (MANIFEST.replace("id: org.example.test-guide", "id: org.example.lupus")
                .replace('version: "3"', f'version: "{disclaimer}"')
                + f'app_name: Lupus Guide\nversion: "{version}"\n')
    return load_pack(write_pack(folder, {**TINY_PACK, "guide.yml": manifest}))


def test_home_page_and_about_show_the_edition_and_its_version(
        launch: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = launch(release(tmp_path / "pack", "1.2", disclaimer="3"))
    assert "Lupus Guide \u00b7 version 1.2" in window.pages.html(window.pack.home)
    assert "<h3>Lupus Guide 1.2</h3>" in window.about_text()


def test_a_newer_version_keeps_settings_and_asks_a_changed_disclaimer_again(
        launch: Callable[..., MainWindow], accept_disclaimer: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    laptop = ModePolicy.laptop()

    def start(pack: Pack) -> MainWindow:
        return launch(pack, application.open_profile(pack, laptop))

    first = start(release(tmp_path / "1.2", "1.2", disclaimer="3"))
    first.text_size.set(150)
    first.open_location("living/pacing")
    first.close()
    assert len(accept_disclaimer) == 1

    # installed somewhere else, with a corrected article: the same edition, so the same settings
    second = start(release(tmp_path / "1.3", "1.3", disclaimer="3"))
    assert len(accept_disclaimer) == 1  # same disclaimer: not asked again
    assert second.profile.text_scale() == 150
    assert second.current_location() == "living/pacing"
    second.close()

    third = start(release(tmp_path / "2.0", "2.0", disclaimer="4"))
    assert len(accept_disclaimer) == 2  # a new disclaimer version is asked again
    assert third.profile.accepted_disclaimer() == "4"
    assert third.profile.text_scale() == 150
