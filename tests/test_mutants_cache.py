"""The start-up cache: never trusted after an edit or an update, never in the reader's way."""

from __future__ import annotations

import io
import os
import pickle
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.cache import (
    CACHE_DIR_ENV,
    CheckCancelledError,
    PackCache,
    cache_key,
    open_cache,
    pack_fingerprint,
    user_cache_dir,
)
from guide.content import load_pack
from guide.locations import SHIPPED_CACHE
from guide.pages import PageSource
from guide.prebuilt import prebuild_cache
from guide.store import ArticleStore
from tests.conftest import article

HOME = Path("/home/reader")


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


def test_cached_pages_keep_their_letters_where_text_is_not_utf8(
        make_pack: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows reads text files as cp1252 unless told otherwise: "Café" would come back "CafÃ©"
    cache = PackCache(make_pack(), tmp_path / "cache")
    cache.load()
    cache.store_page("living/pacing", "<p>Caf\u00e9 \u2013 \u00bd dose</p>")
    monkeypatch.setattr(io, "text_encoding",
                        lambda encoding, stacklevel=2: encoding or "cp1252")
    assert cache.page("living/pacing") == "<p>Caf\u00e9 \u2013 \u00bd dose</p>"


@pytest.mark.parametrize(("platform", "environment", "expected"), [
    ("linux", {}, HOME / ".cache" / "health-guide"),
    ("linux", {"XDG_CACHE_HOME": "/fast"}, Path("/fast/health-guide")),
    ("darwin", {}, HOME / "Library" / "Caches" / "health-guide"),
    ("win32", {}, HOME / "AppData" / "Local" / "health-guide"),
    ("win32", {"LOCALAPPDATA": "/local"}, Path("/local/health-guide")),
])
def test_the_cache_lives_where_each_system_keeps_caches(
        monkeypatch: pytest.MonkeyPatch, platform: str, environment: dict[str, str],
        expected: Path) -> None:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: HOME))
    for name in (CACHE_DIR_ENV, "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", platform)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert user_cache_dir() == expected


def test_a_kiosk_writes_no_cache(make_pack: Callable[..., Path], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    root = make_pack()
    open_cache(root, write=False).load()
    assert not (tmp_path / "cache").exists()
    open_cache(root).load()
    assert (tmp_path / "cache" / "org.example.test-guide" / "snapshot.pickle").is_file()


def test_packs_without_an_id_never_share_a_cache(tmp_path: Path) -> None:
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "guide.yml").write_text("title: No id\n")
    first, second = cache_key(tmp_path / "first"), cache_key(tmp_path / "second")
    assert first != second
    assert re.fullmatch(r"path-[0-9a-f]{16}", first)
    assert cache_key(tmp_path / "first") == first


def test_the_fingerprint_counts_files_and_sees_a_renamed_one(make_pack: Callable[..., Path],
                                                            tmp_path: Path) -> None:
    root = make_pack()
    before, count = pack_fingerprint(root)
    assert count == sum(1 for path in root.rglob("*") if path.is_file())
    page = root / "articles" / "living" / "pacing.md"
    times = (page.stat().st_atime_ns, page.stat().st_mtime_ns)
    page.rename(page.with_name("resting.md"))  # same size, same time: another article id
    os.utime(page.with_name("resting.md"), ns=times)
    assert pack_fingerprint(root) != (before, count)


def test_a_broken_link_does_not_hide_the_files_after_it(make_pack: Callable[..., Path]) -> None:
    root = make_pack()
    folder = root / "articles" / "living"
    (folder / "a-broken-link.md").symlink_to(folder / "gone.md")
    before, count = pack_fingerprint(root)
    page = folder / "pacing.md"
    page.write_text(page.read_text().replace("Go slowly.", "Go slowly!"))
    os.utime(page, ns=(1, 1))
    after, counted = pack_fingerprint(root)
    assert (after != before, counted) == (True, count)


def test_a_small_packs_cache_is_checked_before_use(make_pack: Callable[..., Path],
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", pack_fingerprint(root)[1])
    cache = PackCache(root, tmp_path / "cache")
    cache.load()
    assert cache.checked, "no background check is needed"


def test_checking_a_large_pack_stops_when_the_app_closes(make_pack: Callable[..., Path],
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", 0)
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    cache = PackCache(root, tmp_path / "cache")
    cache.load()
    with pytest.raises(CheckCancelledError):
        cache.is_current(cancelled=lambda: True)
    assert cache.is_current()
    assert cache.checked


@pytest.mark.parametrize("failure", [sqlite3.OperationalError("disk I/O error"),
                                     pickle.PicklingError("cannot pickle")])
def test_a_cache_that_cannot_be_written_never_stops_the_guide(
        make_pack: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        failure: Exception) -> None:
    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr(ArticleStore, "write", staticmethod(fail))
    root = make_pack()
    assert PackCache(root, tmp_path / "cache").load() == load_pack(root)


def test_the_snapshot_read_at_start_holds_no_article_text(make_pack: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    # what makes opening 10,000 articles cost about the same as opening 30
    root = make_pack({"articles/living/pacing.md": article("Pacing", "Go slowly. " * 50_000)})
    PackCache(root, tmp_path / "cache").load()
    (snapshot,) = (tmp_path / "cache").rglob("snapshot.pickle")
    assert snapshot.stat().st_size < 50_000


def test_a_cache_folder_left_half_made_is_removed(make_pack: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    interrupted = tmp_path / "cache" / "org.example.interrupted"
    interrupted.mkdir(parents=True)  # killed before its snapshot was written
    PackCache(make_pack(), tmp_path / "cache").load()
    assert not interrupted.exists()


def test_a_frozen_bundle_starts_from_the_cache_it_ships(
        make_pack: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "installed"
    shutil.copytree(make_pack(), installed / "content")
    prebuild_cache(installed / "content", installed / SHIPPED_CACHE)
    monkeypatch.setattr("sys._MEIPASS", str(installed), raising=False)
    cache = open_cache(installed / "content")
    cache.load()
    index = cache.search_index_file()  # search is ready at once, from the bundle
    assert index is not None
    assert index.is_relative_to(installed / SHIPPED_CACHE)


def test_a_cache_folder_that_cannot_be_removed_does_not_stop_the_clean_up(
        make_pack: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # on Windows another running copy may hold a file open
    cache_root = tmp_path / "cache"
    long_ago = time.time() - 100 * 86400
    for name in ("org.example.a-locked", "org.example.b-gone"):
        (cache_root / name).mkdir(parents=True)
        (cache_root / name / "snapshot.pickle").write_bytes(b"x")
        os.utime(cache_root / name / "snapshot.pickle", (long_ago, long_ago))
    (cache_root / "org.example.a-locked" / "held-open").write_bytes(b"x")
    old_version = cache_root / "org.example.test-guide" / "0123"
    old_version.mkdir(parents=True)
    (old_version / "held-open").write_bytes(b"x")
    (old_version / "page.html").write_bytes(b"x")
    unlink = os.unlink

    def held_open(path: str, *, dir_fd: int | None = None) -> None:
        if path == "held-open":
            raise PermissionError(13, "The file is in use")
        unlink(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", held_open)
    PackCache(make_pack(), cache_root).load()
    monkeypatch.undo()
    assert not (cache_root / "org.example.b-gone").exists()
    assert not (old_version / "page.html").exists()
