"""A glossary definition in a small window with a Close button (for touch and keyboard)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide.glossary import Term
from guide.ui.theme import heading_font


class TermPopup(QDialog):
    """Explains one term: what hovering shows on a desktop, for a finger or the keyboard."""

    def __init__(self, term: Term, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("termPopup")
        self.setWindowTitle(term.term)
        self.setAccessibleName(f"What {term.term} means")
        self.setModal(True)
        title = QLabel(term.term)
        title.setObjectName("termTitle")
        title.setFont(heading_font(title))
        title.setTextFormat(Qt.TextFormat.PlainText)
        definition = QLabel(term.definition)
        definition.setObjectName("termDefinition")
        definition.setTextFormat(Qt.TextFormat.PlainText)
        definition.setWordWrap(True)
        definition.setMinimumWidth(360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("termClose")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(definition)
        layout.addWidget(buttons)
        close.setFocus(Qt.FocusReason.OtherFocusReason)
