"""The toolbar search field: type to search, arrows to move, Enter to open, Esc to leave."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QToolButton,
    QWidget,
)

INSTRUCTIONS = ("Type words to find articles. Up and Down choose a result, Enter opens it, "
                "Tab goes to the results, Escape goes back to the list of articles.")
"""The search box's accessible description while it is empty."""
CLEAR_BUTTON_SIZE = 24
"""Smallest width and height of a field's clear button: the WCAG 2.2 AA target size (2.5.8)."""


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Give a line edit's built-in clear button an accessible name (Qt leaves it unnamed).

    Qt makes the button the first time there is text, so this runs on every change.
    """

    def name_buttons() -> None:
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(name)

    edit.textChanged.connect(name_buttons)


def add_clear_button(edit: QLineEdit, name: str) -> None:
    """Give ``edit`` a clear button that is named and at least 24 x 24 px, easy to hit."""
    edit.setStyle(_roomy_clear_button_style())
    edit.setClearButtonEnabled(True)
    name_clear_button(edit, name)
    edit.setMinimumHeight(max(edit.minimumHeight(), CLEAR_BUTTON_SIZE + 4))  # room round it


class _RoomyClearButtonStyle(QProxyStyle):
    """The app's style, with a line edit's clear button at least :data:`CLEAR_BUTTON_SIZE`.

    Qt makes that button 6 px wider and 2 px taller than its icon (22 x 18 px by default), so
    a larger icon is the one way to a larger button. It grows with the text size, too.
    """

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        """The line edit's icon size, made larger; every other measure as the base style's."""
        size = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_LineEditIconSize:
            text = widget.fontMetrics().height() if widget is not None else 0
            return max(size, CLEAR_BUTTON_SIZE - 2, text)
        return size


def _roomy_clear_button_style() -> QStyle:
    """One :class:`_RoomyClearButtonStyle` for every field, made from the app's style."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.findChild(_RoomyClearButtonStyle)
    if style is None:
        style = _RoomyClearButtonStyle(QApplication.style().name())
        style.setParent(app)  # lives as long as the fields that use it
    return style


class SearchBox(QLineEdit):
    """A line edit that hands navigation keys to the results list.

    Signals:
        move_requested(int): Up (-1), Down (+1), Page Up/Down (-10/+10) was pressed.
        open_requested(): Enter was pressed.
        cancel_requested(): Esc was pressed.
        focused(): the box got the keyboard focus (by click, tap, Tab or shortcut).
    """

    move_requested = Signal(int)
    open_requested = Signal()
    cancel_requested = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setAccessibleName("Search the guide")
        self.setAccessibleDescription(INSTRUCTIONS)
        self.setPlaceholderText("Search the guide (Ctrl+K)")
        add_clear_button(self, "Clear the search")
        self.setMinimumWidth(160)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Say so when the box gets the focus (an on-screen keypad may appear)."""
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Route navigation keys; everything else edits the text."""
        moves = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                 Qt.Key.Key_PageUp: -10}
        key = Qt.Key(event.key())
        if key in moves:
            self.move_requested.emit(moves[key])
        elif key in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self.open_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
        else:
            super().keyPressEvent(event)
