"""Run a whole kiosk session in this process, as a clinic would, for the disk-write test.

Usage: python tests/kiosk_driver.py PACK_DIR  (the test sets HOME, XDG_* and TMPDIR)
Starts ``health-guide --kiosk``, accepts the disclaimer, reads, searches, starts over, and
exits with 0 once the next reader has the disclaimer again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from guide.app import main
from guide.ui import application
from guide.ui.disclaimer_dialog import DisclaimerDialog
from guide.ui.main_window import MainWindow


def accept_disclaimer() -> bool:
    """Press "I understand" on the disclaimer, if it is showing."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, DisclaimerDialog) and widget.isVisible():
            widget.accept()
            return True
    return False


def leave(window: MainWindow) -> None:
    """What the operator's passphrase does."""
    window.allow_close()
    window.close()
    QApplication.exit(0)


def drive(window: MainWindow) -> None:
    """Read, search and start over, then leave like the operator does."""
    steps: list[Callable[[], object]] = [
        accept_disclaimer,
        partial(window.open_location, "treatments/alpha"),
        partial(window.open_location, "treatments/beta"),
        window.commands.larger_text.trigger,
        partial(window.search_box.setText, "risks"),
        window.search.wait_for_index,
        lambda: window.search_panel.finish(),  # noqa: PLW0108 - the panel is made on first use
        lambda: window.search_panel.open_current(),  # noqa: PLW0108
        window.commands.start_over.trigger,
        lambda: None,
        accept_disclaimer,
        partial(window.search_box.setText, "alpha"),
        partial(leave, window),
    ]

    def step(number: int = 0) -> None:
        steps[number]()
        if number + 1 < len(steps):
            QTimer.singleShot(50, lambda: step(number + 1))

    QTimer.singleShot(200, step)


_start = application.start


def start_and_drive(*args: Any, **kwargs: Any) -> MainWindow | None:
    """The app's own start, then the scripted reader."""
    window = _start(*args, **kwargs)
    if window is not None:
        drive(window)
    return window


application.start = start_and_drive
sys.exit(main(["--kiosk", "--content", sys.argv[1]]))
