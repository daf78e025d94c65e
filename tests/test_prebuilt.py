"""The start-up cache a bundle ships: made once, trusted as it is, never written."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.cache import SHIPPED_STAMP, PackCache, open_cache
from guide.content import load_pack
from guide.links import FACTS_PAGE
from guide.locations import SHIPPED_CACHE
from guide.pages import PageSource
from guide.prebuilt import prebuild_cache
from guide.search import SearchIndex


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def shipped(make_pack: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path]:
    """A pack and its prebuilt cache, copied elsewhere with new file times (an install)."""
    built = make_pack()
    prebuild_cache(built, tmp_path / "build-cache")
    installed = tmp_path / "installed"
    shutil.copytree(built, installed / "content")
    shutil.copytree(tmp_path / "build-cache", installed / SHIPPED_CACHE)
    for path in (installed / "content").rglob("*"):
        os.utime(path, ns=(1, 1))  # an installer need not keep the times
    return installed / "content", installed / SHIPPED_CACHE


def test_prebuilt_cache_holds_pack_pages_and_search_index(
        make_pack: Callable[..., Path], tmp_path: Path) -> None:
    root = make_pack()
    pack = prebuild_cache(root, tmp_path / "cache")
    (snapshot,) = (tmp_path / "cache").rglob("snapshot.pickle")
    (index,) = (tmp_path / "cache").rglob("search.sqlite")
    pages = list((tmp_path / "cache").rglob("*.html"))
    assert len(pages) == len(pack.articles) + 3  # facts, contact and disclaimer
    assert snapshot.parent.name == pack.edition.id
    assert SearchIndex.open(index) is not None
    assert (tmp_path / "cache" / SHIPPED_STAMP).is_file()


def test_prebuild_refuses_a_folder_in_use(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "other").write_text("x")
    with pytest.raises(FileExistsError):
        prebuild_cache(make_pack(), tmp_path / "cache")


def test_shipped_cache_is_trusted_without_reading_the_pack(
        shipped: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    content, folder = shipped
    expected = load_pack(content)

    def refuse(_root: Path) -> None:
        raise AssertionError("the pack was read from its files")

    monkeypatch.setattr("guide.content.load_pack", refuse)
    cache = PackCache(content, folder, read_only=True)
    pack = cache.load()
    assert pack.root == content  # not the folder it was built in
    assert pack.title == expected.title
    assert dict(pack.articles) == dict(expected.articles)
    assert cache.checked
    assert cache.is_current()
    assert cache.page("treatments/alpha") == PageSource(expected).html("treatments/alpha")
    index = cache.search_index_file()
    assert index is not None
    assert index.is_relative_to(folder)


def test_shipped_cache_is_never_written(shipped: tuple[Path, Path]) -> None:
    content, folder = shipped
    before = listing(folder)
    cache = PackCache(content, folder, read_only=True)
    pages = PageSource(cache.load(), cache)
    pages.html(FACTS_PAGE)
    cache.store_page("something new", "<p>new</p>")
    assert cache.page("something new") is None
    assert listing(folder) == before
    (index,) = folder.rglob("search.sqlite")
    index.unlink()
    assert cache.search_index_file() is None  # so no index is ever built into it


@pytest.mark.parametrize("damage", ["stamp", "snapshot"])
def test_unusable_shipped_cache_reads_the_pack_and_writes_nothing(
        shipped: tuple[Path, Path], damage: str) -> None:
    content, folder = shipped
    if damage == "stamp":
        (folder / SHIPPED_STAMP).write_text("health-guide 0.0.1, cache format 1")
    else:
        next(folder.rglob("snapshot.pickle")).write_bytes(b"garbage")
    before = listing(folder)
    cache = PackCache(content, folder, read_only=True)
    assert cache.load() == load_pack(content)
    assert cache.page("treatments/alpha") is None
    assert cache.search_index_file() is None
    assert listing(folder) == before


def test_a_moved_pack_is_read_from_where_it_is_now(
        make_pack: Callable[..., Path], tmp_path: Path) -> None:
    old = make_pack()
    PackCache(old, tmp_path / "cache").load()
    new = tmp_path / "moved"
    shutil.copytree(old, new)
    shutil.rmtree(old)
    assert PackCache(new, tmp_path / "cache").load().root == new


def test_open_cache_uses_the_shipped_cache_for_the_bundled_pack_only(
        shipped: tuple[Path, Path], make_pack: Callable[..., Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    content, _folder = shipped
    monkeypatch.setattr("sys._MEIPASS", str(content.parent), raising=False)
    monkeypatch.setenv("HEALTH_GUIDE_CACHE_DIR", str(tmp_path / "user-cache"))
    for write in (True, False):
        cache = open_cache(content, write=write)
        assert cache.read_only
        assert cache.load().root == content
    other = open_cache(tmp_path / "pack", write=True)
    assert not other.read_only
    other.load()
    assert (tmp_path / "user-cache").is_dir()
    assert not open_cache(tmp_path / "pack", write=False).read_only
