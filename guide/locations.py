"""The one place that finds bundled files (the default content pack and UI resources)."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath
from typing import Literal

BundledName = Literal["content", "resources", "packaging"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: BundledName) -> Path:
    """Return the folder holding the bundled ``content``, ``resources`` or ``packaging``.

    Looked up, in order, inside a frozen bundle (PyInstaller's ``sys._MEIPASS``), inside the
    installed package (the wheel maps the top-level folders to ``guide/_bundled/``) and at the
    top of a source checkout.
    """
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        candidates.append(Path(frozen_root) / name)
    candidates.append(_PACKAGE_DIR / "_bundled" / name)
    candidates.append(_PACKAGE_DIR.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def default_icon() -> Path:
    """The app's own icon (SVG), for editions that bring none."""
    return bundled_dir("resources") / "icons" / "health-guide.svg"


SHIPPED_CACHE = "content-cache"
"""Folder of a frozen bundle holding the prebuilt start-up cache of its pack."""


def shipped_cache_dir(content: Path) -> Path | None:
    """The read-only cache a frozen bundle ships for its own pack, if ``content`` is that pack."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is None:
        return None
    shipped = Path(frozen_root) / SHIPPED_CACHE
    if not shipped.is_dir() or content.resolve() != (Path(frozen_root) / "content").resolve():
        return None
    return shipped


class UnsafePathError(ValueError):
    """A relative path tried to leave its root folder."""


def resolve_inside(root: Path, relative: str) -> Path:
    """Resolve ``relative`` (a POSIX-style path) under ``root``, refusing to leave it.

    Absolute paths, ``..`` components and symlinks that point outside ``root`` raise
    :class:`UnsafePathError`: content packs come from third parties.
    """
    pure = PurePosixPath(relative.replace("\\", "/"))
    if not relative or pure.is_absolute() or ".." in pure.parts or ":" in pure.parts[0]:
        raise UnsafePathError(f"path {relative!r} is not a plain relative path")
    candidate = root.joinpath(*pure.parts)
    real_root = root.resolve()
    if not candidate.resolve().is_relative_to(real_root):
        raise UnsafePathError(f"path {relative!r} leads outside {root}")
    return candidate
