"""Link-styled buttons wrap their text and show where the keyboard is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from guide.ui.link_button import LinkButton


def test_focused_button_draws_a_ring(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.add_widget(host)
    layout = QVBoxLayout(host)
    first, second = LinkButton("First"), LinkButton("Second")
    layout.addWidget(first)
    layout.addWidget(second)
    host.resize(200, 100)
    host.show()
    host.activateWindow()
    qtbot.wait_until(host.isActiveWindow)
    second.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait_until(second.hasFocus)

    def edge(button: LinkButton) -> QColor:
        image = button.grab().toImage()
        return image.pixelColor(1, image.height() // 2)

    link = second.palette().color(QPalette.ColorRole.Link)  # the edition's link colour
    assert edge(second).name() == link.name()
    assert edge(first).name() != link.name()


def test_long_text_wraps_instead_of_being_cut(qtbot: QtBot) -> None:
    button = LinkButton("Low-dose amitriptyline and cyclobenzaprine for fibromyalgia")
    qtbot.add_widget(button)
    assert button.hasHeightForWidth()
    assert button.heightForWidth(120) > button.heightForWidth(600)
    assert button.accessibleName().startswith("Low-dose amitriptyline")
