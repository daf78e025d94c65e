"""What an edition's bundle leaves out: Qt parts the app never uses, and libraries only they need.

PyInstaller collects every plugin and translation of each Qt module it finds, and every library
those plugins link to. The app shows text and pictures in widgets, prints, and never touches the
network, QML or a web engine, so most of that is dead weight (and Qt Virtual Keyboard is GPL).
:func:`leaves_out` says which collected files to drop; :func:`orphans` then finds the libraries
that nothing kept still links to.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

EXCLUDED_MODULES = (
    # Qt modules the app never imports; PySide6's hooks would pull some of them in
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtQml",
    "PySide6.QtQuick", "PySide6.QtQuickControls2", "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets", "PySide6.QtSql", "PySide6.QtSvg", "PySide6.QtSvgWidgets",
    "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtWebChannel", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebEngineWidgets", "PySide6.QtXml",
    # TLS and the protocols the app never speaks (it connects nowhere); urllib.request stays,
    # for pymdownx's path helpers, and only ever imports ssl if it is there
    "ssl", "_ssl", "ftplib", "http.cookiejar", "xmlrpc", "smtplib", "imaplib", "poplib",
    # tools that may be installed next to the app but are not part of it
    "PyInstaller", "_pytest", "pytest", "hypothesis", "mypy", "pip", "setuptools", "pygments",
    "tkinter",
)
"""Python modules kept out of the bundle."""

LOADED_BY_NAME = ("markdown.extensions", "pymdownx")
"""Packages whose modules are imported from strings (Python-Markdown loads its extensions by
name), which PyInstaller cannot follow: the bundle takes all their modules."""

KEPT_PLUGINS: dict[str, frozenset[str]] = {
    # windows on X11, Wayland, Windows and macOS, and offscreen for --self-test
    "platforms": frozenset({"qxcb", "qwayland", "qwayland-egl", "qwayland-generic",
                            "qoffscreen", "qwindows", "qcocoa"}),
    # GTK's theme plugin drags in GTK, Pango and Cairo; the app draws its own Fusion style
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # dead keys and input methods; not Qt Virtual Keyboard (GPL, and the kiosk has its own keypad)
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),
    # pictures a pack may hold: PNG is built in; JPEG, GIF and SVG are plugins
    "imageformats": frozenset({"qjpeg", "qgif", "qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    # no network, databases, QML, embedded-device input or framebuffer platforms
    "tls": frozenset(),
    "networkinformation": frozenset(),
    "sqldrivers": frozenset(),
    "qmltooling": frozenset(),
    "qmllint": frozenset(),
    "designer": frozenset(),
    "generic": frozenset(),
    "egldeviceintegrations": frozenset(),
    "vectorimageformats": frozenset(),
    "position": frozenset(),
    "multimedia": frozenset(),
}
"""Plugins kept, by plugin folder; folders not named here are kept whole (printing, styles)."""

SYSTEM_LIBRARIES = frozenset({"libcups.so.2"})
"""Libraries left to the system: every desktop Linux has CUPS for printing, and a bundled copy
would bring its own TLS, Kerberos and Avahi libraries (12 MB). Without it, printing to a PDF
file still works."""

_SUFFIX = re.compile(r"\.(so|dll|dylib)(\.\d+)*$")


def plugin_name(file_name: str) -> str:
    """``qjpeg`` for ``libqjpeg.so``, ``qjpeg.dll`` and ``libqjpeg.dylib``."""
    stem = _SUFFIX.sub("", file_name)
    return stem.removeprefix("lib") if file_name != stem + ".dll" else stem


def leaves_out(dest: str) -> bool:
    """Whether the bundle drops the collected file at ``dest`` (its path inside the bundle)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if parts[-1] in SYSTEM_LIBRARIES:
        return True
    if "PySide6" not in parts:
        return False
    if "translations" in parts:
        return True  # the interface is in English only (see DESIGN.md, roadmap 5)
    if "plugins" in parts[:-2]:
        kind = parts[parts.index("plugins") + 1]
        kept = KEPT_PLUGINS.get(kind)
        return kept is not None and plugin_name(parts[-1]) not in kept
    return False


Entry = tuple[str, str, str]
"""A PyInstaller table-of-contents entry: (path in the bundle, source path, type code)."""


def orphans(binaries: Iterable[Entry], links: Callable[[str], Iterable[str]]) -> set[str]:
    """Paths in the bundle of the shared libraries that nothing kept links to, even indirectly.

    Python extension modules, Qt plugins and the Python library are loaded at run time, so
    they are the roots; any other library stays only if a root links to it. ``links(source)``
    names the libraries a binary links to directly (see :func:`needed_libraries`).
    """
    entries = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(_name(entry[0]), []).append(entry)
    seen: set[str] = set()
    todo = [entry for entry in entries if _is_root(entry)]
    while todo:
        dest, source, _kind = todo.pop()
        if dest not in seen:
            seen.add(dest)
            for name in links(source):
                todo.extend(by_name.get(_name(name), ()))
    return {dest for dest, _source, _kind in entries if dest not in seen}


def needed_libraries(path: str) -> list[str]:
    """The libraries an ELF file links to directly (its ``NEEDED`` entries), by ``objdump``.

    Not ``ldd``: that lists the libraries of system libraries too, so a library only the
    system's CUPS needs would look needed.
    """
    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True,
                            check=True)
    return [line.split()[1] for line in result.stdout.splitlines()
            if line.strip().startswith("NEEDED")]


_UNRESOLVED = re.compile(r"could not resolve '([^']+)', dependency of '([^']+)'")


def missing_libraries(log: str) -> list[str]:
    """Libraries PyInstaller's ``log`` says it could not find, needed by files the bundle keeps.

    They were not on the build computer, so the app will look for the member's own copies.
    """
    missing = set()
    for name, needed_by in _UNRESOLVED.findall(log):
        path = needed_by.replace("\\", "/")
        inside = path[path.rindex("PySide6/"):] if "PySide6/" in path else _name(path)
        if not leaves_out(inside):
            missing.add(name)
    return sorted(missing)


def _name(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def _is_root(entry: Entry) -> bool:
    dest, _source, kind = entry
    if kind == "EXTENSION":
        return True
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    return "plugins" in parts or re.match(r"(lib)?python3", parts[-1]) is not None
