"""The toolbar search field: type to search, arrows to move, Enter to open, Esc to leave."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Give a line edit's built-in clear button an accessible name (Qt leaves it unnamed).

    Qt makes the button the first time there is text, so this runs on every change.
    """

    def name_buttons() -> None:
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(name)

    edit.textChanged.connect(name_buttons)


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
        self.setAccessibleDescription(
            "Type words to find articles. Up and Down choose a result, Enter opens it, "
            "Escape goes back to the list of articles.")
        self.setPlaceholderText("Search the guide (Ctrl+K)")
        self.setClearButtonEnabled(True)
        name_clear_button(self, "Clear the search")
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
