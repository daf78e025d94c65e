"""The navigation tree view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.ui.nav_model import ARTICLE_ID_ROLE, NavModel
from guide.ui.nav_tree import NavTree
from tests.ui.conftest import Launcher


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


def test_the_article_read_is_in_view_in_the_list(qtbot: QtBot, launch: Launcher,
                                                 bundled_pack: Pack) -> None:
    # At the app's own 11-pt text a few long titles wrap: rows differ in height, and scrolling
    # by rows counted the short rows at the bottom, leaving the article below the last row shown
    window = launch(bundled_pack, None, "practical-help/when-to-get-urgent-help")
    tree = window.nav_tree
    qtbot.wait_exposed(window)
    assert tree.verticalScrollBar().maximum() > 0  # the list is longer than the window
    for article in ("practical-help/when-to-get-urgent-help", "welcome",
                    "medicines/ketamine-infusion"):
        window.open_location(article)
        index = tree.currentIndex()
        assert index.data(ARTICLE_ID_ROLE) == article
        assert tree.viewport().rect().contains(tree.visualRect(index)), article
