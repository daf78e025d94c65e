"""The disclaimer dialog, driven for real (no monkeypatching here)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from guide.ui.disclaimer_dialog import DisclaimerDialog

HTML = "<h2>Before you start</h2><p>Information only.</p>"


def click_in_modal_dialog(button_name: str) -> None:
    """Once the modal dialog is up, click one of its buttons by object name."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, click)
            return
        button = dialog.findChild(QPushButton, button_name)
        assert button is not None
        button.click()

    QTimer.singleShot(0, click)


def test_ask_returns_true_on_i_understand(qtbot: QtBot) -> None:
    click_in_modal_dialog("disclaimerAccept")
    assert DisclaimerDialog.ask(HTML, "Test Guide") is True


def test_ask_returns_false_on_quit(qtbot: QtBot) -> None:
    click_in_modal_dialog("disclaimerDecline")
    assert DisclaimerDialog.ask(HTML, "Test Guide") is False


def test_dialog_shows_the_text_and_names_its_buttons(qtbot: QtBot) -> None:
    dialog = DisclaimerDialog(HTML, "Test Guide", read_only=False)
    qtbot.add_widget(dialog)
    assert dialog.objectName() == "disclaimerDialog"
    assert dialog.isModal()
    text = dialog.findChild(QTextBrowser, "disclaimerText")
    assert text is not None
    assert "Information only." in text.toPlainText()
    assert dialog.accept_button is not None
    assert dialog.decline_button is not None
    assert dialog.accept_button.accessibleName() == "I understand"
    assert dialog.decline_button.accessibleName() == "Quit"
    assert dialog.accept_button.isDefault()


def test_read_only_dialog_has_only_close(qtbot: QtBot) -> None:
    dialog = DisclaimerDialog(HTML, "Test Guide", read_only=True)
    qtbot.add_widget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert [b.text() for b in box.buttons()] == ["Close"]
    assert dialog.findChild(QPushButton, "disclaimerAccept") is None


def test_enter_while_reading_the_text_means_i_understand(qtbot: QtBot) -> None:
    """The audit's finding: Enter in the text used to press Quit, the default after show."""
    dialog = DisclaimerDialog(HTML, "Test Guide", read_only=False)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_until(dialog.isVisible)
    dialog.text.setFocus()
    with qtbot.wait_signal(dialog.accepted):
        QTest.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.result() == DisclaimerDialog.DialogCode.Accepted


def test_screen_readers_get_the_text_itself(qtbot: QtBot) -> None:
    dialog = DisclaimerDialog(HTML, "Test Guide", read_only=False)
    qtbot.add_widget(dialog)
    assert "Information only." in dialog.accessibleDescription()  # read when it opens
    assert dialog.text.accessibleName() == ""  # so the text, not a label, is read
