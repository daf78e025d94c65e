"""A flat, link-styled push button whose text wraps onto several lines."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class LinkButton(QPushButton):
    """A real button (focusable, announced as a button) that looks like a link and wraps."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)
        self.target = ""
        """What the button opens (an article id or anchor), for buttons that are reused."""
        self._label = QLabel(text, self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setObjectName("linkButtonLabel")
        font = self._label.font()
        font.setUnderline(True)
        self._label.setFont(font)
        self._label.setForegroundRole(QPalette.ColorRole.Link)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw a clear ring when the keyboard is on the button (the style draws none here)."""
        super().paintEvent(event)
        if self.hasFocus() or self.underMouse():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            link = self.palette().color(QPalette.ColorRole.Link)
            colour = QColor(link) if self.hasFocus() else QColor(link).lighter(170)
            painter.setPen(QPen(colour, 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
            painter.end()

    def set_label_text(self, text: str) -> None:
        """Change the text shown (and its accessible name)."""
        self._label.setText(text)
        self.setAccessibleName(text)

    def label_text(self) -> str:
        """The text shown on the button."""
        return self._label.text()

    def hasHeightForWidth(self) -> bool:
        """Wrapped text is taller when narrower."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Height needed to show all the text at ``width``."""
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self._label.heightForWidth(inner) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        """Prefer the label's natural size plus margins."""
        margins = self._layout.contentsMargins()
        hint = self._label.sizeHint()
        return QSize(hint.width() + margins.left() + margins.right(),
                     hint.height() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        """Allow shrinking to a narrow sidebar; the text wraps."""
        return QSize(60, self.heightForWidth(max(60, self.width())))
