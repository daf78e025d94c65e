"""Start-up cache: the parsed pack and rendered pages, kept in the user's cache folder.

A pack is parsed and its pages rendered once; later launches read the results back if no file
of the pack changed (same paths, sizes and modification times) and the app version is the
same. Anything wrong with the cache (missing, damaged, unwritable) just means doing the work
again: the cache never changes what the reader sees.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from guide import __version__
from guide.content import load_pack
from guide.model import Pack

CACHE_FORMAT = 1
CACHE_DIR_ENV = "HEALTH_GUIDE_CACHE_DIR"


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


def pack_fingerprint(root: Path) -> str:
    """A digest of every file's path, size and modification time under ``root``."""
    digest = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}".encode())
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            try:
                stat = path.stat()
            except OSError:
                continue
            rel = path.relative_to(root).as_posix()
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


class PackCache:
    """Cache for one pack folder. ``folder=None`` turns it off (kiosk, tests)."""

    def __init__(self, root: Path, folder: Path | None) -> None:
        self.root = root
        self.fingerprint = pack_fingerprint(root) if folder is not None else ""
        pack_key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
        self._pack_dir = folder / pack_key if folder is not None else None

    @property
    def _page_dir(self) -> Path | None:
        return self._pack_dir / self.fingerprint if self._pack_dir is not None else None

    def load(self) -> Pack:
        """The pack, from the cache when it is current, else parsed (and cached)."""
        if self._pack_dir is None:
            return load_pack(self.root)
        cached = self._pack_dir / "pack.pickle"
        try:
            fingerprint, pack = pickle.loads(cached.read_bytes())  # noqa: S301 - our own file
            if fingerprint == self.fingerprint and isinstance(pack, Pack):
                return pack
        except Exception:  # noqa: BLE001, S110 - any damage just means parsing again
            pass
        pack = load_pack(self.root)
        with contextlib.suppress(OSError, pickle.PicklingError):
            _atomic_write(cached, pickle.dumps((self.fingerprint, pack), protocol=5))
            self._forget_other_versions()
        return pack

    def _forget_other_versions(self) -> None:
        assert self._pack_dir is not None
        for entry in self._pack_dir.iterdir():
            if entry.is_dir() and entry.name != self.fingerprint:
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
        if self._page_dir is not None:
            with contextlib.suppress(OSError):
                _atomic_write(self._page_dir / self._page_name(key), html.encode("utf-8"))

    def search_index_file(self) -> Path | None:
        """Where this version of the pack's search index is kept."""
        return self._page_dir / "search.sqlite" if self._page_dir is not None else None

    @staticmethod
    def _page_name(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()[:32] + ".html"
