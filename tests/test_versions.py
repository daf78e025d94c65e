"""The PySide6 6.12.0 + Python 3.11 crash: the guard and a regression test."""

from __future__ import annotations

import sys

import pytest

from guide.versions import broken_qt_binding


def test_guard_names_the_broken_combination_only() -> None:
    assert "crashes on Python 3.11" in broken_qt_binding((3, 11), "6.12.0")
    assert broken_qt_binding((3, 11), "6.11.3") == ""
    assert broken_qt_binding((3, 12), "6.12.0") == ""


def test_installed_binding_is_not_the_broken_one() -> None:
    import PySide6  # noqa: PLC0415

    assert broken_qt_binding(sys.version_info[:2], PySide6.__version__) == ""


@pytest.mark.gui
def test_qt_calls_returning_nothing_keep_none_alive() -> None:
    """Each void Qt call on the broken build drops a reference to None; catch that early."""
    from PySide6.QtCore import QObject  # noqa: PLC0415

    obj = QObject()
    before = sys.getrefcount(None)
    for n in range(5000):
        obj.setObjectName(f"n{n}")
        obj.setProperty("round", n)
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references"
