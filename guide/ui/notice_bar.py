"""A dismissible bar at the top of the window for one-off notices (like a browser's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    """Shows a short message with a Dismiss button; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAccessibleName("Notice")
        self._label = QLabel()
        self._label.setObjectName("noticeText")
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        dismiss = QPushButton("Dismiss")
        dismiss.setObjectName("noticeDismiss")
        dismiss.setAccessibleName("Dismiss notice")
        dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self._label, 1)
        layout.addWidget(dismiss)
        # the look's notice colours (tooltips share them)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self._label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self.hide()

    def show_notice(self, text: str) -> None:
        """Show ``text`` (does nothing for an empty text)."""
        if not text:
            return
        self._label.setText(text)
        self._label.setAccessibleName(text)
        self.show()

    def text(self) -> str:
        """The notice currently shown ("" when hidden)."""
        return self._label.text() if not self.isHidden() else ""
