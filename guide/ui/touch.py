"""Made for fingers: every control big enough to tap, and lists that scroll with a swipe.

One application-wide event filter adapts each widget as Qt polishes it (just before it is
first shown), so dialogs and widgets made later get the same treatment as the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QScroller,
    QWidget,
)


class MinRowHeight:
    """Mixed into item delegates whose rows can be made taller for fingers."""

    min_height = 0

    def set_min_height(self, pixels: int) -> None:
        """Make every row at least ``pixels`` tall (the delegate's ``sizeHint`` applies it)."""
        self.min_height = pixels


class TouchAdapter(QObject):
    """Gives every button, field and list row a ``target`` px minimum; swipes scroll lists."""

    def __init__(self, target: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        for widget in QApplication.allWidgets():  # those already polished
            self.adapt(widget)

    def adapt(self, widget: QWidget) -> None:
        """Make ``widget`` (not its children) comfortable to use with a finger."""
        inside_a_field = isinstance(widget.parentWidget(), QLineEdit)  # its clear button:
        # the field (48 px) is the target; a 48-px button would spill out of it
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and not inside_a_field:
            widget.setMinimumHeight(max(widget.minimumHeight(), self.target))
            widget.setMinimumWidth(max(widget.minimumWidth(), self.target))
        if isinstance(widget, QAbstractItemView):
            delegate = widget.itemDelegate()
            if isinstance(delegate, MinRowHeight):
                delegate.set_min_height(self.target)
                widget.doItemsLayout()  # rows already measured are measured again
        if isinstance(widget, QAbstractScrollArea) and not QScroller.hasScroller(
                widget.viewport()):
            QScroller.grabGesture(widget.viewport(),
                                  QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Adapt widgets as they are polished; never stops an event."""
        if event.type() == QEvent.Type.Polish and isinstance(watched, QWidget):
            self.adapt(watched)
        return False
