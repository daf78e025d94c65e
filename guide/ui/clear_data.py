"""Help > Clear my data: what the guide keeps about its reader, cleared after one confirmation."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide.profile import Profile


def kept_items(profile: Profile) -> list[str]:
    """What the profile keeps, one line each, in words a reader understands."""

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return [
        count(len(profile.saved_articles()), "saved article", "saved articles"),
        count(len(profile.recent_articles()), "recently read article",
              "recently read articles"),
        count(len(profile.questions()), "question for the doctor", "questions for the doctor"),
        "your place in " + count(profile.reading_place_count(), "article", "articles"),
        ("your settings: text size, print size, window size, the article you read last, "
         "and that you accepted the disclaimer"),
    ]


class ClearDataDialog(QDialog):
    """Lists what is kept and clears it all when the reader confirms.

    Cancel is the default button: Enter or Esc keep everything.
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clearDataDialog")
        self.setWindowTitle("Clear my data")
        self._profile = profile
        items = "".join(f"<li>{escape(item)}</li>" for item in kept_items(profile))
        text = (
            "<p>This guide keeps the following on this computer, and nowhere else:</p>"
            f"<ul>{items}</ul>"
            "<p><b>Clear my data</b> deletes all of it now. The guide will then ask you to "
            "accept the disclaimer again next time, and from now on it remembers what you do "
            "as it would for a new reader.</p>")
        self.message = QLabel(text)
        self.message.setObjectName("clearDataMessage")
        self.message.setWordWrap(True)
        self.setAccessibleDescription(self.message.text())
        buttons = QDialogButtonBox()
        self.clear_button = buttons.addButton("C&lear my data",
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.clear_button.setObjectName("clearDataButton")
        self.clear_button.setAutoDefault(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setDefault(True)
        self.clear_button.clicked.connect(self._on_clear)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        cancel.setFocus()

    def _on_clear(self) -> None:
        self._profile.clear()
        self.accept()
