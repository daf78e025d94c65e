"""The PyInstaller spec of an edition's one-folder bundle, written out for each build.

A spec (rather than command-line options) is what lets the build drop the Qt plugins,
translations and libraries the app never uses (see :mod:`guide.bundle_contents`) before they
are copied, and make a macOS ``.app``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

_TEMPLATE = '''\
# PyInstaller spec for {app_name!r}, written by `health-guide build`: edit guide/bundle_spec.py
# and guide/bundle_contents.py, not this file.
from PyInstaller.utils.hooks import collect_submodules

from guide.bundle_contents import (
    EXCLUDED_MODULES,
    LOADED_BY_NAME,
    leaves_out,
    needed_libraries,
    orphans,
)

a = Analysis(
    [{entry!r}],
    pathex=[{source_root!r}],
    datas={datas!r},
    hiddenimports=[name for package in LOADED_BY_NAME for name in collect_submodules(package)],
    excludes=list(EXCLUDED_MODULES),
)
dropped = {{dest for dest, _source, _kind in [*a.binaries, *a.datas] if leaves_out(dest)}}
if {prune!r}:
    dropped |= orphans([entry for entry in a.binaries if entry[0] not in dropped],
                       needed_libraries)


def keep(entry):
    dest, source, kind = entry
    return dest not in dropped and not (kind == "SYMLINK" and source in dropped)


a.binaries = [entry for entry in a.binaries if keep(entry)]
a.datas = [entry for entry in a.datas if keep(entry)]
pyz = PYZ(a.pure)
exe = EXE(
    pyz,
    a.scripts,
    [],
    exclude_binaries=True,
    name={name!r},
    console={console!r},
    strip={strip!r},
    upx=False,
    icon={icon!r},
    contents_directory="_internal",
)
coll = COLLECT(exe, a.binaries, a.datas, strip={strip!r}, upx=False, name={name!r})
if {mac_app!r}:
    app = BUNDLE(
        coll,
        name={app_bundle!r},
        icon={icon!r},
        bundle_identifier={bundle_id!r},
        version={version!r},
        info_plist={{"CFBundleDisplayName": {app_name!r}, "NSHighResolutionCapable": True}},
    )
'''


@dataclass(frozen=True)
class BundleSpec:
    """What goes into one edition's bundle, and how it is named."""

    name: str
    """The folder's and the program's name (the edition's slug)."""
    app_name: str
    bundle_id: str
    """The edition's id: the macOS bundle identifier."""
    version: str
    entry: Path
    """The script the bundle starts."""
    source_root: Path
    """The folder holding the ``guide`` package."""
    datas: tuple[tuple[Path, str], ...]
    """Folders copied in: (source, folder inside the bundle)."""
    icon: Path | None = None
    """The program's icon (Windows, macOS): an ``.ico``/``.icns``, or a PNG if Pillow is there."""
    platform: str = sys.platform

    @property
    def linux(self) -> bool:
        """Whether this is a Linux build (where libraries are stripped and pruned)."""
        return self.platform.startswith("linux")

    def text(self) -> str:
        """The spec file's text."""
        mac = self.platform == "darwin"
        return _TEMPLATE.format(
            app_name=self.app_name,
            entry=str(self.entry),
            source_root=str(self.source_root),
            datas=[(str(source), dest) for source, dest in self.datas],
            prune=self.linux,
            name=self.name,
            # Windows and macOS start the program without a console window; --self-test
            # output still reaches a pipe or file
            console=self.linux,
            # the Python library is built with debug information (23 MB of 25 on Linux)
            strip=self.linux,
            icon=str(self.icon) if self.icon else None,
            mac_app=mac,
            app_bundle=f"{self.app_name}.app",
            bundle_id=self.bundle_id,
            version=self.version or "0",
        )
