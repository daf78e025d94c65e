"""The modal medical disclaimer: accept or quit on first launch, read-only from Help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide.ui import theme
from guide.ui.article_view import article_css


class DisclaimerDialog(QDialog):
    """Shows the pack's disclaimer. Use :meth:`ask` or :meth:`show_read_only`."""

    def __init__(self, html: str, pack_title: str, *, read_only: bool,
                 decline_label: str = "Quit", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disclaimerDialog")
        self.setAccessibleName("Medical disclaimer")
        self.setWindowTitle(f"Medical disclaimer \u2013 {pack_title}")
        self.setModal(True)
        self.resize(640, 660)
        text = QTextBrowser()
        text.setObjectName("disclaimerText")
        # no accessible name: a name would be read instead of the text itself
        text.setOpenLinks(False)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        text.document().setDocumentMargin(16)
        text.document().setDefaultStyleSheet(article_css(theme.current(), self.font()))
        text.setHtml(html)
        self.text = text
        # screen readers read a dialog's description when it opens, before its buttons
        self.setAccessibleDescription(text.toPlainText())
        buttons = QDialogButtonBox()
        self.accept_button: QPushButton | None = None
        self.decline_button: QPushButton | None = None
        if read_only:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setObjectName("disclaimerClose")
            close.setAccessibleName("Close")
            buttons.rejected.connect(self.reject)
        else:
            self.accept_button = buttons.addButton("I understand",
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
            self.accept_button.setObjectName("disclaimerAccept")
            self.accept_button.setAccessibleName("I understand")
            self.accept_button.setAccessibleDescription(
                "Accept the disclaimer and open the guide")
            self.decline_button = buttons.addButton(decline_label,
                                                    QDialogButtonBox.ButtonRole.RejectRole)
            self.decline_button.setObjectName("disclaimerDecline")
            self.decline_button.setAccessibleName(decline_label)
            self.decline_button.setAccessibleDescription(
                "Close the guide without accepting" if decline_label == "Quit"
                else "Do not accept now")
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        if self.accept_button is not None:
            # only now: a button box resets the default of buttons it holds before it is in
            # a dialog, and Enter in the text would otherwise press "Quit"
            self.accept_button.setDefault(True)
        (self.accept_button or text).setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, html: str, pack_title: str, parent: QWidget | None = None) -> bool:
        """Show the disclaimer modally; True if the reader accepted it."""
        dialog = cls(html, pack_title, read_only=False, parent=parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def show_read_only(cls, html: str, pack_title: str, parent: QWidget | None = None) -> None:
        """Show the disclaimer again, with only a Close button."""
        cls(html, pack_title, read_only=True, parent=parent).exec()
