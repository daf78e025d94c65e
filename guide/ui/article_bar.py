"""The strip above an article: its section on the left, the star and Print on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

STAR_EMPTY = "\u2606"
STAR_FULL = "\u2605"


class ArticleBar(QWidget):
    """The article's header strip; its edges follow the text column of ``view`` below it."""

    def __init__(self, view: QAbstractScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleBar")
        self.setAccessibleName("Article tools")
        self._view = view
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the same paper as the article below
        self.setAutoFillBackground(True)
        # never the reason the article pane cannot be narrowed: the section name gives way
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.section = QLabel()
        self.section.setObjectName("articleSection")
        self.section.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.section.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.section, 1)
        self._buttons: dict[QAction, QToolButton] = {}
        self._follow = QTimer(self)  # a child: it never fires once the window is gone
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self._follow_view)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)  # resized whenever the view's margins change
        self._follow_view()

    def add_action(self, action: QAction, name: str, *, icon: bool = True) -> QToolButton:
        """A button for ``action`` (text beside its icon, or text alone), at the right end."""
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if icon
                                  else Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text().replace("&", "").rstrip("\u2026"))
        self._layout.addWidget(button)
        self._buttons[action] = button
        return button

    def show_saved(self, action: QAction) -> None:
        """Show ``action``'s button as a star: empty ("Save") or full ("Saved")."""
        button = self._buttons.get(action)
        if button is None:
            return
        saved = action.isChecked()
        action.setIconText(f"{STAR_FULL} Saved" if saved else f"{STAR_EMPTY} Save")
        button.setToolTip(action.toolTip())
        button.setAccessibleName("Saved: remove from my list" if saved else "Save this article")

    def show_section(self, title: str) -> None:
        """Name the section the article is in ("" for none)."""
        self.section.setText(title)
        self.section.setAccessibleName(f"Section: {title}" if title else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Line up with the article's text column when the view changes size."""
        if watched in {self._view, self._view.viewport()} and event.type() in {
                QEvent.Type.Resize, QEvent.Type.FontChange}:
            self._follow.start()  # once the view has set its margins
        return False

    def _follow_view(self) -> None:
        margins = self._view.viewportMargins()
        side = 24  # the article's own margin around its text
        scroll_bar = self._view.verticalScrollBar().sizeHint().width()
        self._layout.setContentsMargins(margins.left() + side - 4, 4,
                                        margins.right() + side + scroll_bar - 4, 0)
