"""Saving and restoring the window's size and panel widths in the reader's profile."""

from __future__ import annotations

import binascii

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from guide.profile import Profile


def _decode(text: str) -> QByteArray | None:
    """Base64 text from the profile as bytes; ``None`` for anything damaged."""
    try:
        return QByteArray(binascii.a2b_base64(text.encode("ascii"), strict_mode=True))
    except (UnicodeEncodeError, binascii.Error, ValueError):
        return None


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def restore_layout(window: QMainWindow, splitter: QSplitter, profile: Profile) -> None:
    """Restore what :func:`save_layout` saved; damaged values are skipped, never fatal."""
    geometry, state, sizes = (_decode(text) if text else None
                              for text in profile.window_state())
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    if sizes is not None:
        splitter.restoreState(sizes)


def save_layout(window: QMainWindow, splitter: QSplitter, profile: Profile) -> None:
    """Remember the window's size and position, toolbar state and panel widths."""
    profile.set_window_state(_encode(window.saveGeometry()), _encode(window.saveState()),
                             _encode(splitter.saveState()))
