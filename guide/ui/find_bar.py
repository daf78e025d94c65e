"""Find in the current article: a bar under the article with next, previous and a count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from guide.ui import theme
from guide.ui.announce import tell
from guide.ui.search_box import add_clear_button

SAY_COUNT_PAUSE_MS = 300
"""While the reader types, the count is said once they pause, not after every letter."""


class FindBar(QWidget):
    """Finds text in a :class:`QTextBrowser`, highlighting every match and the current one.

    Signals:
        closed(): the bar was closed (Esc or the Close button).
    """

    closed = Signal()

    def __init__(self, view: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find in this article")
        self._view = view
        self._matches: list[QTextCursor] = []
        self._current = -1
        label = QLabel("Find in article:")
        self.field = QLineEdit()
        self.field.setObjectName("findInArticle")
        self.field.setAccessibleName("Find in this article")
        add_clear_button(self.field, "Clear the text to find")
        label.setBuddy(self.field)
        self.count = QLabel("")
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self.previous_button = QPushButton("Previous")
        self.previous_button.setObjectName("findPrevious")
        self.previous_button.setAccessibleName("Previous match")
        self.next_button = QPushButton("Next")
        self.next_button.setObjectName("findNext")
        self.next_button.setAccessibleName("Next match")
        close = QPushButton("Close")
        close.setObjectName("findClose")
        close.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        for widget in (label, self.field, self.count, self.previous_button, self.next_button,
                       close):
            layout.addWidget(widget)
        layout.setStretch(1, 1)
        self._say_count = QTimer(self)
        self._say_count.setSingleShot(True)
        self._say_count.setInterval(SAY_COUNT_PAUSE_MS)
        self._say_count.timeout.connect(self._on_typing_paused)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)  # Enter and Shift+Enter, before the field sees them
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the field focused and its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        """Hide the bar and remove the highlights."""
        self.hide()
        self._say_count.stop()
        self._matches, self._current = [], -1
        self._view.setExtraSelections([])
        self._view.setFocus()
        self.closed.emit()

    def refresh(self) -> None:
        """Search again (the article may have changed)."""
        self._on_text_changed(self.field.text())

    def match_count(self) -> int:
        """How many times the text occurs in the article."""
        return len(self._matches)

    def current_match(self) -> int:
        """1-based number of the current match (0 if none)."""
        return self._current + 1

    def find_next(self) -> None:
        """Go to the next match, wrapping round at the end."""
        self._step(1)

    def find_previous(self) -> None:
        """Go to the previous match, wrapping round at the start."""
        self._step(-1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the field goes to the next match, Shift+Enter to the previous one.

        (The field's own ``returnPressed`` fires for both, and passes the key on as well.)
        """
        if watched is self.field and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress \
                and event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes; Shift+Enter goes backwards."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            super().keyPressEvent(event)

    def _on_text_changed(self, text: str) -> None:
        self._matches = []
        document = self._view.document()
        if text:
            cursor = document.find(text, 0)
            while not cursor.isNull():
                self._matches.append(cursor)
                cursor = document.find(text, cursor)
        self._current = 0 if self._matches else -1
        self._show_current()
        self._say_count.start()

    def _on_typing_paused(self) -> None:
        tell(self.field, self.count.text())

    def _step(self, step: int) -> None:
        if self._matches:
            self._current = (self._current + step) % len(self._matches)
            self._show_current()
        self._say_count.stop()
        tell(self.field, self.count.text(), interrupt=True)  # the keyboard stays in the field

    def _show_current(self) -> None:
        selections = []
        colours = theme.current()  # the match in focus as a selection, the rest tinted
        for number, cursor in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            if number == self._current:
                selection.format.setBackground(QColor(colours.selection))
                selection.format.setForeground(QColor(colours.selection_ink))
            else:
                selection.format.setBackground(QColor(colours.match))
            selections.append(selection)
        self._view.setExtraSelections(selections)
        if self._matches:
            self._view.setTextCursor(QTextCursor(self._matches[self._current].block()))
            self._view.ensureCursorVisible()
            self.count.setText(f"{self._current + 1} of {len(self._matches)}")
        else:
            self.count.setText("No matches" if self.field.text() else "")
        self.count.setAccessibleName(self.count.text())
        self.previous_button.setEnabled(len(self._matches) > 1)
        self.next_button.setEnabled(len(self._matches) > 1)

