"""A digest of the code that makes cached data, so caches follow every change to that code."""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path

from guide import __version__
from guide.locations import SHIPPED_CACHE

CORE = Path(__file__).resolve().parent
"""The core's modules: reading, checking, rendering and indexing a pack all live here."""
DIGEST_FILE = "code-digest.txt"
"""In a shipped cache: the digest of the sources the bundle was built from."""


def digest_of(folder: Path) -> str | None:
    """A digest of the app version and every ``*.py`` file in ``folder``; ``None`` if none."""
    sources = sorted(folder.glob("*.py"))
    if not sources:
        return None
    digest = hashlib.sha256(__version__.encode())
    for path in sources:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


@functools.cache
def code_digest() -> str:
    """The digest of this app's core code, taken once per run (about a millisecond).

    Caches are keyed by it, so editing any core module (the parser, the renderer, the search
    index) renews them without anyone remembering to bump a number. A frozen bundle holds no
    sources: it uses the digest its shipped cache was made with (written by
    :func:`guide.prebuilt.prebuild_cache` from the same sources the bundle was frozen from),
    else the app version alone.
    """
    try:
        found = digest_of(CORE)
    except OSError:
        found = None
    if found is not None:
        return found
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        try:
            return (Path(frozen_root) / SHIPPED_CACHE / DIGEST_FILE).read_text(
                encoding="utf-8").strip()
        except OSError:
            pass
    return f"version {__version__}"
