"""An on-screen keypad for the search box, for screens without a keyboard.

Letters, space, backspace and clear, as large buttons that never take the focus, so the
search box keeps its cursor. (Qt Virtual Keyboard is GPL-licensed and is not used.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
MAX_WIDTH = 1000
"""Wider than this, keys are too far apart to type comfortably."""


class SearchKeypad(QWidget):
    """Types into ``field``: one button per letter, plus Space, Backspace and Clear."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchKeypad")
        self.setAccessibleName("On-screen keypad for search")
        self._field = field
        self.setMaximumWidth(MAX_WIDTH)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                button = self._button(letter, f"Type {letter}", self._typer(letter.lower()))
                layout.addWidget(button, row * 2, column * 2 + row, 2, 2)
        last = len(ROWS) * 2
        layout.addWidget(self._button("Space", "Type a space", self._typer(" ")), last, 0, 2, 8)
        layout.addWidget(self._button("\u232b", "Delete the last letter", field.backspace),
                         last, 8, 2, 6)
        layout.addWidget(self._button("Clear", "Clear the search", field.clear),
                         last, 14, 2, 6)
        self.hide()

    def _typer(self, text: str) -> Callable[[], None]:
        return lambda: self._field.insert(text)

    def _button(self, label: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(f"key{label.title().replace(' ', '')}" if label.isalpha()
                             else "keyBackspace")
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box keeps the cursor
        button.setAutoRepeat(label == "\u232b")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(slot)
        return button
