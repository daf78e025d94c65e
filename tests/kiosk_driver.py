"""Run a whole kiosk session in this process, as a clinic would, for the disk-write test.

Usage: python tests/kiosk_driver.py PACK_DIR  (the test sets HOME, XDG_* and TMPDIR)
Starts ``health-guide --kiosk``, accepts the disclaimer, reads, searches, starts over, and
exits with 0 once the next reader has the disclaimer again.
"""

from __future__ import annotations

import sys
from pathlib import Path

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


def drive(window: MainWindow) -> None:
    """Read, search and start over, then leave like the operator does."""
    steps = [
        accept_disclaimer,
        lambda: window.open_location("treatments/alpha"),
        lambda: window.open_location("treatments/beta"),
        lambda: window.commands.larger_text.trigger(),
        lambda: window.search_box.setText("risks"),
        lambda: window.search.wait_for_index(),
        lambda: window.search_panel.finish(),
        lambda: window.search_panel.open_current(),
        lambda: window.commands.start_over.trigger(),
        lambda: None,
        accept_disclaimer,
        lambda: window.search_box.setText("alpha"),
        lambda: (window.allow_close(), window.close(), QApplication.exit(0)),
    ]

    def step(number: int = 0) -> None:
        steps[number]()
        if number + 1 < len(steps):
            QTimer.singleShot(50, lambda: step(number + 1))

    QTimer.singleShot(200, step)


_start = application.start


def start_and_drive(*args: object, **kwargs: object) -> MainWindow | None:
    """The app's own start, then the scripted reader."""
    window = _start(*args, **kwargs)  # type: ignore[arg-type]
    if window is not None:
        drive(window)
    return window


application.start = start_and_drive  # type: ignore[assignment]
sys.exit(main(["--kiosk", "--content", sys.argv[1]]))
