"""Finding bundled files and refusing paths that leave their folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.locations import (
    SHIPPED_CACHE,
    UnsafePathError,
    bundled_dir,
    resolve_inside,
    shipped_cache_dir,
)


def test_bundled_folders_found_in_a_checkout() -> None:
    assert (bundled_dir("content") / "guide.yml").is_file()
    assert (bundled_dir("resources") / "icons" / "health-guide.svg").is_file()


def test_frozen_bundle_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content").mkdir()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert bundled_dir("content") == tmp_path / "content"


@pytest.mark.parametrize("bad", ["", "/etc/passwd", "../x", "a/../../x", "C:/x", "..\\x"])
def test_unsafe_paths_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(UnsafePathError):
        resolve_inside(tmp_path, bad)


def test_symlink_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path)
    with pytest.raises(UnsafePathError):
        resolve_inside(tmp_path / "root", "link/secret")
    assert resolve_inside(tmp_path / "root", "a/b.png") == tmp_path / "root" / "a" / "b.png"


def test_shipped_cache_belongs_to_the_frozen_bundles_own_pack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert shipped_cache_dir(tmp_path / "content") is None  # not frozen
    (tmp_path / "content").mkdir()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert shipped_cache_dir(tmp_path / "content") is None  # the bundle ships none
    (tmp_path / SHIPPED_CACHE).mkdir()
    assert shipped_cache_dir(tmp_path / "content") == tmp_path / SHIPPED_CACHE
    assert shipped_cache_dir(tmp_path / "another-pack") is None
