"""Paths and links from a third-party pack: what stays inside it, what a link is called."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.links import LinkPolicy, describe_link, resolve_relative
from guide.locations import UnsafePathError, bundled_dir, default_icon, resolve_inside
from guide.sanitise import sanitise, treatment


@pytest.mark.parametrize("written", ["..", ".", "..\\..\\secret.md", "images\\chart.png",
                                     "/etc/passwd", ""])
def test_links_that_are_not_plain_relative_paths_lead_nowhere(written: str) -> None:
    assert resolve_relative("welcome", written) is None


def test_relative_links_resolve_from_the_article_folder() -> None:
    assert resolve_relative("medicines/tramadol", "../living/pacing.md") == "living/pacing.md"
    assert resolve_relative("medicines/tramadol", "images/a%20chart.png") == \
        "medicines/images/a chart.png"


def test_a_screen_reader_hears_what_a_link_does_in_one_line() -> None:
    policy = LinkPolicy()
    assert describe_link("article:medicines/tramadol#risks", "the\n  risks", policy) == \
        "Link: the risks"
    assert describe_link("article:glossary#off-label", "off-label", policy) == \
        "Glossary word: off-label. Press Enter to read what it means"
    assert describe_link("article:glossary", "the glossary", policy) == "Link: the glossary"


def test_pack_paths_say_why_they_are_refused(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path)
    for written in ("../x", "/etc/passwd", "a/../../x"):
        with pytest.raises(UnsafePathError, match="is not a plain relative path"):
            resolve_inside(tmp_path / "root", written)
    with pytest.raises(UnsafePathError) as refused:
        resolve_inside(tmp_path / "root", "link/secret")
    assert str(refused.value) == f"path 'link/secret' leads outside {tmp_path / 'root'}"


def test_an_installed_copy_finds_its_bundled_files(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "guide"
    (package / "_bundled" / "content").mkdir(parents=True)
    monkeypatch.setattr("guide.locations._PACKAGE_DIR", package)
    assert bundled_dir("content") == package / "_bundled" / "content"


def test_when_nothing_is_found_the_checkout_folder_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "source" / "guide"
    package.mkdir(parents=True)
    monkeypatch.setattr("guide.locations._PACKAGE_DIR", package)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path / "frozen"), raising=False)
    assert bundled_dir("content") == tmp_path / "source" / "content"  # for the error message


def test_the_apps_own_icon_is_found() -> None:
    icon = default_icon()
    assert icon.name == "health-guide.svg"
    assert icon.is_file()


def test_folding_blocks_are_html_the_guide_shows() -> None:
    assert treatment("details") == treatment("summary") == treatment("DETAILS") == "kept"
    assert treatment("style") == "shown as text"


def test_a_remote_picture_is_replaced_by_a_note() -> None:
    assert sanitise('<p><img src="https://tracker.example/p.gif" alt="x"></p>') == (
        '<p><span class="broken">[Picture not loaded: only pictures inside this guide are '
        "shown]</span></p>")
