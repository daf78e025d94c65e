"""Start-up cache: the parsed pack, its articles and rendered pages, in the user's cache folder.

A pack is parsed and checked once; later launches read a small snapshot (manifest, outline,
facts, glossary, problems) and fetch articles one at a time from an SQLite file, so opening
a pack of 10,000 articles costs about the same as opening one of 30. The cache is used only
while no file of the pack has changed (same paths, sizes and modification times) and it was
made by the same code (:func:`guide.code_digest.code_digest`: the app version and a digest of
the core's source, so any change to the parser or renderer renews it). Small packs are
checked before use; large packs are checked in the background after the window appears (see
:meth:`PackCache.is_current`), but never used when made by other code. Anything wrong with the
cache (missing, damaged, unwritable) just means doing the work again.

A frozen bundle ships its pack's cache, prebuilt and read-only (:func:`open_cache`): it is
trusted without looking at the files, whose times an installer changes, and never written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from guide import __version__
from guide.atomic import write_atomically
from guide.code_digest import code_digest
from guide.edition import declared_id
from guide.locations import shipped_cache_dir
from guide.model import Pack
from guide.store import ArticleStore

CACHE_DIR_ENV = "HEALTH_GUIDE_CACHE_DIR"
FORGET_AFTER_DAYS = 90
"""Caches of packs not opened for this long are removed."""
_OLD_PATH_KEY = re.compile(r"[0-9a-f]{16}")  # cache folders of versions before editions
CHECK_BEFORE_USE_LIMIT = 2000
"""Packs with at most this many files are checked for changes before the cache is used."""
SHIPPED_STAMP = "made-by.txt"
"""In a shipped cache: the app version and code that made it (see :func:`cache_stamp`)."""


def user_cache_dir() -> Path | None:
    """The per-user cache folder for Health Guide (``None`` disables caching).

    ``$HEALTH_GUIDE_CACHE_DIR`` overrides it; set it to an empty string to turn caching off.
    """
    override = os.environ.get(CACHE_DIR_ENV)
    if override is not None:
        return Path(override) if override else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "health-guide"


def cache_stamp() -> str:
    """What a cache made by this app looks like: a shipped cache from another is not used."""
    return f"health-guide {__version__}, code {code_digest()}"


def made_by() -> str:
    """The app version and code digest (:func:`guide.code_digest.code_digest`) of this run."""
    return f"{__version__}/{code_digest()}"


def open_cache(root: Path, *, write: bool = True) -> PackCache:
    """The start-up cache for the pack at ``root``.

    The read-only cache a frozen bundle ships for its own pack; otherwise the user's cache
    folder, or none when ``write`` is off (kiosk).
    """
    shipped = shipped_cache_dir(root)
    if shipped is not None:
        return PackCache(root, shipped, read_only=True)
    return PackCache(root, user_cache_dir() if write else None)


def cache_key(root: Path) -> str:
    """The cache folder's name for a pack: its edition id.

    Every copy of one edition (a moved folder, a bundle unpacked somewhere new) shares one
    cache instead of leaving a new folder each time. Packs without an id fall back to a hash
    of their location.
    """
    return declared_id(root) or (
        "path-" + hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16])


class CheckCancelledError(Exception):
    """Walking the pack was stopped (the app is closing)."""


def pack_fingerprint(root: Path, cancelled: Callable[[], bool] = lambda: False,
                     ) -> tuple[str, int]:
    """Digest of the app's code and every file's path, size and time under ``root``; file count.

    ``cancelled`` is asked once per folder; when it says yes, :class:`CheckCancelledError`.
    """
    digest = hashlib.sha256(made_by().encode())
    count = 0
    for folder, dirs, files in os.walk(root):
        if cancelled():
            raise CheckCancelledError
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            try:
                stat = path.stat()
            except OSError:
                continue
            count += 1
            rel = path.relative_to(root).as_posix()
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32], count


class PackCache:
    """Cache for one pack folder. ``folder=None`` turns it off (kiosk, tests).

    ``read_only`` marks a cache shipped with the pack: used as it is, never checked against
    the pack's files and never written; if it cannot be used, the pack is read from its files.
    """

    def __init__(self, root: Path, folder: Path | None, *, read_only: bool = False) -> None:
        self.root = root
        self.read_only = read_only
        self.fingerprint = ""
        self.checked = folder is None or read_only
        """False while a large pack's cache has been used without checking it is current."""
        self._folder = folder
        self._pack_dir = folder / cache_key(root) if folder is not None else None

    @property
    def _page_dir(self) -> Path | None:
        if self._pack_dir is None or not self.fingerprint:
            return None
        return self._pack_dir / self.fingerprint

    def load(self) -> Pack:
        """The pack, from the cache when it is current, else parsed (and cached)."""
        cached = self._load_snapshot() if self._pack_dir is not None else None
        if cached is not None:
            return cached
        # only now: the parser and checker (Markdown included) cost a warm start 20 ms to import
        from guide.content import load_pack  # noqa: PLC0415
        if self._pack_dir is None or self.read_only:
            return load_pack(self.root)
        self.fingerprint, count = pack_fingerprint(self.root)
        self.checked = True
        pack = load_pack(self.root)
        with contextlib.suppress(OSError, sqlite3.Error, pickle.PicklingError):
            page_dir = self._pack_dir / self.fingerprint
            ArticleStore.write(page_dir / "articles.sqlite", pack.articles)
            snapshot = replace(pack, articles={})
            write_atomically(self._pack_dir / "snapshot.pickle", pickle.dumps(
                (made_by(), self.fingerprint, count, snapshot), protocol=5))
            self._forget_other_versions()
            self._forget_old_folders()
        return pack

    def _load_snapshot(self) -> Pack | None:
        assert self._pack_dir is not None
        try:
            maker, fingerprint, count, pack = pickle.loads(  # noqa: S301 - our own file
                (self._pack_dir / "snapshot.pickle").read_bytes())
            if not isinstance(pack, Pack) or maker != made_by():
                return None  # checked before use at any size: other code reads differently
            if self.read_only:
                assert self._folder is not None
                if (self._folder / SHIPPED_STAMP).read_text(encoding="utf-8") != cache_stamp():
                    return None
            elif count <= CHECK_BEFORE_USE_LIMIT:
                if pack_fingerprint(self.root)[0] != fingerprint:
                    return None
                self.checked = True
            store = ArticleStore(self._pack_dir / fingerprint / "articles.sqlite")
        except Exception:  # noqa: BLE001 - any damage just means parsing again
            return None
        self.fingerprint = fingerprint
        # the snapshot may come from another copy of the pack (a bundle built elsewhere)
        return replace(pack, root=self.root, articles=store)

    def has_snapshot(self) -> bool:
        """Whether an earlier launch left a snapshot (so this one need not parse every file)."""
        return self._pack_dir is not None and (self._pack_dir / "snapshot.pickle").is_file()

    def is_current(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Check (slowly, for a large pack) that no file changed since the cache was made.

        When something changed the cache is dropped, so the next launch reads the files.
        Raises :class:`CheckCancelledError` when ``cancelled`` says to stop.
        """
        if self.read_only:
            return True
        current = pack_fingerprint(self.root, cancelled)[0] == self.fingerprint
        if not current and self._pack_dir is not None:
            with contextlib.suppress(OSError):
                (self._pack_dir / "snapshot.pickle").unlink()
        self.checked = True
        return current

    def _forget_other_versions(self) -> None:
        assert self._pack_dir is not None
        for entry in self._pack_dir.iterdir():
            if entry.is_dir() and entry.name != self.fingerprint:
                shutil.rmtree(entry, ignore_errors=True)

    def _forget_old_folders(self) -> None:
        """Remove caches of packs not opened for a long time, and old path-named folders."""
        assert self._folder is not None
        assert self._pack_dir is not None
        cutoff = time.time() - FORGET_AFTER_DAYS * 86400
        for entry in self._folder.iterdir():
            if not entry.is_dir() or entry == self._pack_dir:
                continue
            try:
                stale = (entry / "snapshot.pickle").stat().st_mtime < cutoff
            except OSError:
                stale = True  # no snapshot: an interrupted or old-format cache
            if stale or _OLD_PATH_KEY.fullmatch(entry.name):
                shutil.rmtree(entry, ignore_errors=True)

    def page(self, key: str) -> str | None:
        """A cached rendered page, or ``None``."""
        if self._page_dir is None:
            return None
        try:
            return (self._page_dir / self._page_name(key)).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def store_page(self, key: str, html: str) -> None:
        """Remember a rendered page; failures are ignored."""
        if self._page_dir is not None and not self.read_only:
            with contextlib.suppress(OSError):
                write_atomically(self._page_dir / self._page_name(key), html.encode("utf-8"))

    def search_index_file(self) -> Path | None:
        """Where this version of the pack's search index is kept.

        A read-only cache names only an index it holds, so one is never written into it.
        """
        if self._page_dir is None:
            return None
        path = self._page_dir / "search.sqlite"
        return None if self.read_only and not path.is_file() else path

    @staticmethod
    def _page_name(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()[:32] + ".html"
