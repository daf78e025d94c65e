"""What a bundle leaves out: unused Qt plugins and translations, and libraries only they need."""

from __future__ import annotations

import shutil
from pathlib import Path

import PySide6
import pytest

from guide.bundle_contents import (
    leaves_out,
    missing_libraries,
    needed_libraries,
    orphans,
    plugin_name,
)


@pytest.mark.parametrize(("file_name", "name"), [
    ("libqjpeg.so", "qjpeg"), ("qjpeg.dll", "qjpeg"), ("libqjpeg.dylib", "qjpeg"),
    ("libcomposeplatforminputcontextplugin.so", "composeplatforminputcontextplugin"),
    ("libxdg-shell.so", "xdg-shell"),
])
def test_plugin_names_are_the_same_on_every_platform(file_name: str, name: str) -> None:
    assert plugin_name(file_name) == name


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",  # GPL
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so",
    "PySide6\\plugins\\imageformats\\qtiff.dll",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "libcups.so.2",
])
def test_what_the_app_never_uses_is_left_out(dest: str) -> None:
    assert leaves_out(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # --self-test
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "content/articles/welcome.md",
    "libpython3.11.so.1.0",
])
def test_what_the_app_uses_is_kept(dest: str) -> None:
    assert not leaves_out(dest)


def test_libraries_nothing_kept_links_to_are_orphans() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "src/QtGui", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "src/qxcb", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "src/Gui", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "src/XcbQpa", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "src/Core", "BINARY"),
        ("libicuuc.so.73", "src/icu", "BINARY"),
        ("libgtk-3.so.0", "src/gtk", "BINARY"),  # only a dropped theme plugin used it
        ("libpango-1.0.so.0", "src/pango", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libpython3.11.so.1.0", "src/python", "BINARY"),
    ]
    links = {
        "src/QtGui": ["libQt6Gui.so.6", "libc.so.6"],
        "src/qxcb": ["libQt6XcbQpa.so.6"],
        "src/XcbQpa": ["libQt6Gui.so.6"],
        "src/Gui": ["libQt6Core.so.6"],
        "src/Core": ["libicuuc.so.73"],
        "src/gtk": ["libpango-1.0.so.0"],
    }
    found = orphans(binaries, lambda source: links.get(source, []))
    assert found == {"libgtk-3.so.0", "libpango-1.0.so.0"}


@pytest.mark.skipif(shutil.which("objdump") is None, reason="needs objdump (binutils)")
def test_needed_libraries_are_the_direct_ones() -> None:
    widgets = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6Widgets.so*"),
                   None)
    if widgets is None:
        pytest.skip("not a Linux PySide6")
    needed = needed_libraries(str(widgets))
    assert "libQt6Gui.so.6" in needed
    assert "libicudata.so.73" not in needed  # Core's, not Widgets' own


def test_missing_libraries_are_those_of_files_the_bundle_keeps() -> None:
    site = "/venv/lib/python3.11/site-packages/PySide6/Qt"
    log = (f"WARNING: Library not found: could not resolve 'libgtk-3.so.0', dependency of "
           f"'{site}/plugins/platformthemes/libqgtk3.so'.\n"
           f"WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
           f"'{site}/plugins/platforms/libqxcb.so'.\n"
           f"WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
           f"'{site}/lib/libQt6XcbQpa.so.6'.\n")
    assert missing_libraries(log) == ["libxcb-icccm.so.4"]
