"""Start-up as the app does it: the disclaimer agreed to, search and cache check started."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from guide.cache import PackCache
from guide.content import load_pack
from guide.profile import MemoryBackend, Profile, Settings
from guide.ui import application
from guide.ui.cache_checker import STALE_NOTICE
from guide.ui.main_window import MainWindow
from tests.conftest import MANIFEST

GIVE_UP_AFTER_S = 15.0
"""A broken start-up fails the test after this long instead of hanging it."""


@pytest.mark.parametrize("changes", [
    {"disclaimer.md": None},  # the file is missing
    {"disclaimer.md": "  \n"},  # the file is empty
    {"guide.yml": MANIFEST.replace("file: disclaimer.md", "file: ../disclaimer.md")},
], ids=["missing", "empty", "outside the pack"])
def test_the_generic_disclaimer_is_asked_for_even_after_the_packs_was_accepted(
        make_pack: Callable[..., Path], accept_disclaimer: list[str],
        changes: dict[str, str | None]) -> None:
    pack = load_pack(make_pack(changes))
    profile = Profile(MemoryBackend(Settings(accepted_disclaimer="3")))  # the pack's own, read
    application.ensure_application()
    window = application.start(pack, profile)
    assert window is not None
    window.close()
    assert len(accept_disclaimer) == 1, "the generic text was never agreed to"
    assert "not medical advice" in accept_disclaimer[0]
    assert profile.accepted_disclaimer() != "3"


def test_starting_the_app_builds_search_and_checks_the_cache_by_itself(
        make_pack: Callable[..., Path], tmp_path: Path, accept_disclaimer: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", 0)  # checked after start
    monkeypatch.setattr(application, "CHECK_DELAY_MS", 0)
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    page = root / "articles" / "living" / "pacing.md"
    page.write_text(page.read_text() + "\nMore.\n")  # changed since the cache was made
    cache = PackCache(root, tmp_path / "cache")
    pack = cache.load()
    checked_before_start = cache.checked
    assert not checked_before_start
    windows: list[MainWindow] = []
    real_start: Callable[..., MainWindow | None] = application.start

    def start(*args: object, **kwargs: object) -> MainWindow | None:
        window = real_start(*args, **kwargs)
        assert window is not None
        windows.append(window)
        return window

    def ready(window: MainWindow) -> bool:
        return (window.search_panel.index is not None
                and STALE_NOTICE in window.notice_bar.text())

    deadline = time.monotonic() + GIVE_UP_AFTER_S

    def close_when_ready() -> None:
        """What the reader waits for; then the reader closes the window."""
        if windows and (ready(windows[0]) or time.monotonic() > deadline):
            windows[0].close()
            QApplication.quit()
        else:
            QTimer.singleShot(20, close_when_ready)

    monkeypatch.setattr(application, "start", start)
    QTimer.singleShot(0, close_when_ready)
    assert application.run(pack, tmp_path / "profile", cache=cache) == 0
    assert ready(windows[0]), "search and the notice about changed files came by themselves"
    assert cache.checked
    index = cache.search_index_file()
    assert index is not None
    assert index.is_file()
    assert not list((tmp_path / "cache").rglob("snapshot.pickle")), "the next start reads files"
