"""The start-up cache: same result as parsing, refreshed on change, harmless when broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide import __version__
from guide.cache import (
    CACHE_DIR_ENV,
    FORGET_AFTER_DAYS,
    PackCache,
    cache_key,
    pack_fingerprint,
    user_cache_dir,
)
from guide.code_digest import DIGEST_FILE, code_digest, digest_of
from guide.content import load_pack
from guide.links import FACTS_PAGE
from guide.locations import SHIPPED_CACHE
from guide.pages import PageSource
from guide.render import DRAFT_BADGE
from guide.store import ArticleStore

GUIDE = Path(__file__).resolve().parent.parent / "guide"


def test_cached_pack_equals_parsed_pack(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    root = make_pack()
    first = PackCache(root, tmp_path / "cache").load()
    again = PackCache(root, tmp_path / "cache").load()
    assert again == first == load_pack(root)
    assert again is not first
    assert list((tmp_path / "cache").rglob("snapshot.pickle"))


def test_changed_file_gives_fresh_pack(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    root = make_pack()
    before = pack_fingerprint(root)[0]
    PackCache(root, tmp_path / "cache").load()
    page = root / "articles" / "living" / "pacing.md"
    page.write_text(page.read_text().replace("title: Pacing", "title: Pacing yourself"))
    os.utime(page, ns=(1, 1))
    assert pack_fingerprint(root)[0] != before
    pacing = PackCache(root, tmp_path / "cache").load().article("living/pacing")
    assert pacing is not None
    assert pacing.title == "Pacing yourself"


def test_damaged_cache_is_ignored(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    (cached,) = (tmp_path / "cache").rglob("snapshot.pickle")
    cached.write_bytes(b"garbage")
    assert PackCache(root, tmp_path / "cache").load() == load_pack(root)


def test_unwritable_cache_still_loads(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    root = make_pack()
    cache = PackCache(root, blocker / "cache")
    assert cache.load() == load_pack(root)
    cache.store_page("welcome", "<p>x</p>")
    assert cache.page("welcome") is None


def test_pages_are_rendered_once_then_read_from_disk(make_pack: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    root = make_pack()
    cache = PackCache(root, tmp_path / "cache")
    pack = cache.load()
    html = PageSource(pack, cache).html("treatments/alpha")
    assert "Alpha helps." in html
    again = PackCache(root, tmp_path / "cache")
    fresh = PageSource(again.load(), again)
    assert fresh.html("treatments/alpha") == html
    assert fresh._renderer is None, "a cached page needs no Markdown renderer"
    assert "Sleep matters." in fresh.html(FACTS_PAGE)
    assert "information only" in fresh.disclaimer_html()


def test_unknown_location_gets_a_not_found_page(tiny_pack: object, make_pack: Callable[..., Path],
                                                ) -> None:
    pages = PageSource(load_pack(make_pack()))
    html = pages.html("no/such")
    assert "Page not found" in html
    assert 'href="article:welcome"' in html


def test_cache_folder_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    assert user_cache_dir() == tmp_path
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    assert user_cache_dir() is None
    monkeypatch.delenv(CACHE_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert user_cache_dir() == tmp_path / "xdg" / "health-guide"


def test_cached_articles_load_one_at_a_time(make_pack: Callable[..., Path],
                                            tmp_path: Path) -> None:
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    cached = PackCache(root, tmp_path / "cache").load()
    assert isinstance(cached.articles, ArticleStore)
    assert cached.articles._loaded == {}
    alpha = cached.article("treatments/alpha")
    assert alpha is not None
    assert alpha.body.startswith("## What it is")
    assert list(cached.articles._loaded) == ["treatments/alpha"]
    assert list(cached.articles) == list(load_pack(root).articles)
    assert "living/pacing" in cached.articles
    assert "nope" not in cached.articles
    assert cached.article("nope") is None
    assert cached.tree.outline() == load_pack(root).tree.outline()


def test_large_packs_are_checked_after_start(make_pack: Callable[..., Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", 0)
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    cache = PackCache(root, tmp_path / "cache")
    cache.load()
    assert not cache.checked
    assert cache.is_current()
    page = root / "articles" / "living" / "pacing.md"
    page.write_text(page.read_text().replace("Go slowly.", "Go very slowly."))
    os.utime(page, ns=(1, 1))
    stale = PackCache(root, tmp_path / "cache")
    old = stale.load().article("living/pacing")
    assert old is not None
    assert "very" not in old.body, "the cache is used first"
    assert not stale.is_current()
    fresh = PackCache(root, tmp_path / "cache").load().article("living/pacing")
    assert fresh is not None
    assert "Go very slowly." in fresh.body, "the next launch reads the files again"


def test_one_cache_folder_per_edition_wherever_the_pack_lies(
        make_pack: Callable[..., Path], tmp_path: Path) -> None:
    cache_root = tmp_path / "cache"
    first = make_pack()
    PackCache(first, cache_root).load()
    moved = first.rename(tmp_path / "moved-pack")  # like a bundle unpacked somewhere new
    PackCache(moved, cache_root).load()
    assert [entry.name for entry in cache_root.iterdir()] == ["org.example.test-guide"]


def test_old_and_stale_cache_folders_are_removed(make_pack: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    cache_root = tmp_path / "cache"
    old_style = cache_root / "0123456789abcdef"  # named after a path, before editions
    stale = cache_root / "org.example.gone"
    recent = cache_root / "org.example.other"
    for folder in (old_style, stale, recent):
        folder.mkdir(parents=True)
        (folder / "snapshot.pickle").write_bytes(b"x")
    long_ago = time.time() - (FORGET_AFTER_DAYS + 1) * 86400
    os.utime(stale / "snapshot.pickle", (long_ago, long_ago))
    PackCache(make_pack(), cache_root).load()
    assert sorted(entry.name for entry in cache_root.iterdir()) == [
        "org.example.other", "org.example.test-guide"]


def test_a_pack_without_an_id_is_cached_by_its_location(tmp_path: Path) -> None:
    (tmp_path / "guide.yml").write_text("title: No id\n")
    assert cache_key(tmp_path).startswith("path-")
    (tmp_path / "guide.yml").write_text("# comment\nid: org.example.x  # the id\n")
    assert cache_key(tmp_path) == "org.example.x"
    (tmp_path / "guide.yml").write_text("id: ../../escape\n")
    assert cache_key(tmp_path).startswith("path-")


@pytest.mark.slow
def test_editing_the_renderer_renews_cached_pages(make_pack: Callable[..., Path],
                                                   tmp_path: Path) -> None:
    """No number to bump: a copy of the core whose renderer says something new shows it."""
    code = tmp_path / "code"
    shutil.copytree(GUIDE, code / "guide", ignore=shutil.ignore_patterns("__pycache__", "ui"))
    root = make_pack()
    show_page = ("import sys; from pathlib import Path; from guide.cache import PackCache; "
                 "from guide.pages import PageSource; "
                 "cache = PackCache(Path(sys.argv[1]), Path(sys.argv[2])); "
                 "print(PageSource(cache.load(), cache).html('welcome'))")

    def page() -> str:
        return subprocess.run(
            [sys.executable, "-c", show_page, str(root), str(tmp_path / "cache")],
            cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, capture_output=True,
            text=True, check=True, timeout=60).stdout

    assert DRAFT_BADGE in page()
    assert DRAFT_BADGE in page()  # the second time from the cache
    render = code / "guide" / "render.py"
    render.write_text(render.read_text(encoding="utf-8").replace(
        f'DRAFT_BADGE = "{DRAFT_BADGE[:5]}', 'DRAFT_BADGE = "Unchecked draft'), encoding="utf-8")
    assert "Unchecked draft" in page()


@pytest.mark.slow
def test_a_warm_start_does_not_import_the_parser(make_pack: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    """Importing the parser, the checker and Markdown costs a start-up about 20 ms."""
    root = make_pack()
    load = ("import sys; from pathlib import Path; from guide.cache import PackCache; "
            "pack = PackCache(Path(sys.argv[1]), Path(sys.argv[2])).load(); "
            "print(len(pack.articles), *sorted(name for name in sys.modules "
            "if name in ('markdown', 'guide.content', 'guide.validate')))")

    def loaded() -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", load, str(root), str(tmp_path / "cache")],
            capture_output=True, text=True, check=True, timeout=60).stdout.split()

    first = loaded()
    assert first[1:] == ["guide.content", "guide.validate", "markdown"]  # parsed, cached
    assert loaded() == first[:1]  # the same articles, from the cache alone


def test_the_code_digest_follows_every_core_module(tmp_path: Path) -> None:
    copy = tmp_path / "guide"
    shutil.copytree(GUIDE, copy, ignore=shutil.ignore_patterns("__pycache__", "ui"))
    assert digest_of(copy) == code_digest()
    seen = {code_digest()}
    for name in ("render.py", "content.py", "search.py", "sanitise.py"):
        module = copy / name
        module.write_text(module.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
        seen.add(str(digest_of(copy)))
    assert len(seen) == 5
    assert digest_of(tmp_path / "nothing-here") is None


def test_a_frozen_app_uses_the_digest_its_shipped_cache_was_made_with(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("guide.code_digest.CORE", tmp_path / "no-sources")
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    code_digest.cache_clear()
    try:
        assert code_digest() == f"version {__version__}"
        code_digest.cache_clear()
        (tmp_path / SHIPPED_CACHE).mkdir()
        (tmp_path / SHIPPED_CACHE / DIGEST_FILE).write_text("0123abcd\n", encoding="utf-8")
        assert code_digest() == "0123abcd"
    finally:
        code_digest.cache_clear()


def test_a_large_packs_cache_made_by_other_code_is_never_used(
        make_pack: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a large pack's cache is used before its files are checked, but never across code changes
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", 0)
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    unchecked = PackCache(root, tmp_path / "cache")
    unchecked.load()
    assert not unchecked.checked  # the snapshot was used as it was
    monkeypatch.setattr("guide.cache.code_digest", lambda: "other code")
    renewed = PackCache(root, tmp_path / "cache")
    renewed.load()
    assert renewed.checked  # read from the files again
