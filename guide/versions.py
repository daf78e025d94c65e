"""Known-bad combinations of Python and PySide6, checked before Qt is used."""

from __future__ import annotations

BROKEN_QT_BINDINGS = {
    # (major, minor) of CPython -> PySide6 versions that must not run on it
    (3, 11): ("6.12.0",),
}


def broken_qt_binding(python: tuple[int, int], pyside_version: str) -> str:
    """Explain why this PySide6 must not run on this Python, or return "" if it is fine.

    PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every Qt call that returns
    nothing, and the interpreter aborts after a few thousand calls.
    """
    if pyside_version in BROKEN_QT_BINDINGS.get(python, ()):
        return (
            f"PySide6 {pyside_version} crashes on Python {python[0]}.{python[1]}. "
            "Install a supported version with: python -m pip install 'PySide6-Essentials<6.12' "
            "(or use Python 3.12 or newer)."
        )
    return ""
