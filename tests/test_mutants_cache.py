"""The start-up cache is never trusted after an edit of the same size or an app update."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.cache import PackCache
from guide.pages import PageSource


def test_an_edit_that_keeps_the_size_is_seen(make_pack: Callable[..., Path],
                                            tmp_path: Path) -> None:
    root = make_pack()
    page = root / "articles" / "living" / "pacing.md"
    cache = PackCache(root, tmp_path / "cache")
    assert "Go slowly." in PageSource(cache.load(), cache).html("living/pacing")
    text = page.read_text()
    page.write_text(text.replace("Go slowly.", "Go gently."))  # a typo fixed: same size
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    assert len(page.read_bytes()) == len(text.encode())
    again = PackCache(root, tmp_path / "cache")
    pacing = again.load().article("living/pacing")
    assert pacing is not None
    assert "Go gently." in pacing.body
    html = PageSource(again.load(), again).html("living/pacing")
    assert "Go gently." in html
    assert "Go slowly." not in html


def test_an_app_update_reads_the_pack_again(make_pack: Callable[..., Path], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # a new version may parse or render differently: pages made by the old one are not shown
    root = make_pack()
    cache = PackCache(root, tmp_path / "cache")
    cache.load()
    cache.store_page("living/pacing", "<p>Drawn by the old version.</p>")
    same = PackCache(root, tmp_path / "cache")
    same.load()
    assert same.page("living/pacing") == "<p>Drawn by the old version.</p>"
    monkeypatch.setattr("guide.cache.__version__", "99.0")
    updated = PackCache(root, tmp_path / "cache")
    updated.load()
    assert updated.page("living/pacing") is None
