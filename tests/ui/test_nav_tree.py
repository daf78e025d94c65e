"""The navigation tree view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.ui.nav_model import NavModel
from guide.ui.nav_tree import NavTree


def test_choosing_an_article_by_keyboard_requests_it(qtbot: QtBot, tiny_pack: Pack) -> None:
    tree = NavTree(NavModel(tiny_pack.outline))
    qtbot.add_widget(tree)
    tree.show()
    tree.select_article("welcome")
    tree.setFocus()
    with qtbot.wait_signal(tree.article_requested) as blocker:
        QTest.keyClick(tree, Qt.Key.Key_Down)  # onto "Treatments" section: nothing to open
        QTest.keyClick(tree, Qt.Key.Key_Down)
    assert blocker.args == ["treatments/alpha"]


def test_select_article_does_not_echo_a_request(qtbot: QtBot, tiny_pack: Pack) -> None:
    tree = NavTree(NavModel(tiny_pack.outline))
    qtbot.add_widget(tree)
    with qtbot.assert_not_emitted(tree.article_requested):
        tree.select_article("living/pacing")
    assert tree.currentIndex().data() == "Pacing"
    assert tree.accessibleName() == "Articles"
