"""Every control has an accessible name and the keyboard reaches every part of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.ui.disclaimer_dialog import DisclaimerDialog
from tests.ui.conftest import Launcher


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        interactive = isinstance(widget, QAbstractButton | QAbstractItemView |
                                 QAbstractScrollArea)
        if isinstance(widget, QTextBrowser) and widget.toPlainText().strip():
            continue  # a text is read for itself (a name would be read instead of it)
        if interactive and widget.isVisibleTo(root) and not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_in_the_main_window_is_named(qtbot: QtBot, launch: Launcher,
                                                   bundled_pack: Pack) -> None:
    window = launch(bundled_pack, open_article="medicines/ketamine-infusion")
    assert unnamed_controls(window) == []


def test_every_control_in_the_disclaimer_is_named(qtbot: QtBot, tiny_pack: Pack) -> None:
    for read_only in (False, True):
        dialog = DisclaimerDialog("<p>Text</p>", "Test", read_only=read_only)
        qtbot.add_widget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == []


def test_tab_reaches_tree_article_and_sidebar(qtbot: QtBot, launch: Launcher,
                                              tiny_pack: Pack) -> None:
    window = launch(tiny_pack, open_article="treatments/alpha")
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    window.nav_tree.setFocus()
    reached: list[str] = []
    for _ in range(20):
        focused = window.focusWidget()
        assert focused is not None
        reached.append(focused.accessibleName())
        window.focusNextChild()
    assert {"Articles", "Article", "Beta treatment", "More quick facts\u2026"} <= set(reached)


def test_actions_have_keyboard_shortcuts_or_menu_mnemonics(launch: Launcher,
                                                          tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    for action in window.findChildren(QAction):
        if action.objectName().endswith("Action"):
            assert "&" in action.text() or action.shortcuts(), action.text()


def test_text_scales_with_the_application_font(qtbot: QtBot, launch: Launcher,
                                               tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    font = window.article_view.font()
    small = window.article_view.document().size().height()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    window.article_view.setFont(font)
    assert window.article_view.document().size().height() > small * 1.2
    assert window.nav_tree.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_view_menu_scales_all_text_and_remembers_it(qtbot: QtBot, launch: Launcher,
                                                    tiny_pack: Pack, tmp_path: Path) -> None:
    window = launch(tiny_pack, tmp_path)
    normal = window.article_view.font().pointSizeF()
    window.commands.larger_text.trigger()
    window.commands.larger_text.trigger()
    assert window.text_size.percent == 130
    bigger = pytest.approx(normal * 1.3)
    qtbot.wait_until(lambda: window.article_view.font().pointSizeF() == bigger)
    # the whole window follows, not only the reading panes
    for widget in (window.facts_panel, window.nav_tree, window.search_box, window.menuBar(),
                   window.toolbar, window.find_bar, window.notice_bar):
        assert widget.font().pointSizeF() == bigger, widget.objectName()
    window.close()
    again = launch(tiny_pack, tmp_path)
    assert again.text_size.percent == 130
    assert QApplication.font().pointSizeF() == bigger  # before any window or dialog is shown
    again.commands.normal_text.trigger()
    qtbot.wait_until(lambda: again.article_view.font().pointSizeF() == pytest.approx(normal))
    for _ in range(20):
        again.commands.smaller_text.trigger()
    assert again.text_size.percent == 80
    assert not again.commands.smaller_text.isEnabled()


def test_ctrl_and_the_plus_key_enlarge_text_without_shift(qtbot: QtBot, launch: Launcher,
                                                          tiny_pack: Pack) -> None:
    # on most keyboards "+" is Shift+=: readers press Ctrl and that key, as in a browser
    window = launch(tiny_pack)
    window.show()
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    window.nav_tree.setFocus()
    QTest.keyClick(window.nav_tree, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.percent > 100


def test_search_and_find_controls_are_named(qtbot: QtBot, launch: Launcher,
                                            tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    window.start_search_index(None)
    assert window.wait_for_search_index()
    qtbot.wait_until(lambda: window.search_panel.index is not None)
    window.search_box.setText("zzzz")  # no results: the glossary suggestion shows too
    qtbot.wait_until(lambda: not window.search_panel.pending())
    window.commands.find.trigger()
    assert window.search_panel.glossary_button.isVisibleTo(window)
    assert unnamed_controls(window) == []
