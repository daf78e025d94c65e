"""The keyboard reaches everything, and screen readers are told what it reached."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from guide.colours import Colours, contrast
from guide.model import Pack
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import MemoryBackend, Profile
from guide.ui.keyboard import ShortcutsDialog, shortcut_rows
from guide.ui.main_window import MainWindow


def _active(qtbot: QtBot, launch: Callable[..., MainWindow], pack: Pack,
            article: str) -> MainWindow:
    window = launch(pack, None, article)
    window.resize(1290, 820)
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    return window


def test_each_link_the_keyboard_reaches_is_described(qtbot: QtBot,
                                                     launch: Callable[..., MainWindow],
                                                     bundled_pack: Pack) -> None:
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    view = window.article_view
    view.setFocus()
    said: list[str] = []
    for _ in range(30):
        QTest.keyClick(view, Qt.Key.Key_Tab)
        said.append(view.accessibleDescription())
    assert "Link to a heading on this page: What it is" in said
    glossary = [text for text in said if text.startswith("Glossary word: ")]
    assert glossary
    assert any(text.startswith("Link: ") for text in said)
    # a glossary word reached by keyboard explains itself in the sidebar, as on hover
    while not view.accessibleDescription().startswith("Glossary word: "):
        QTest.keyClick(view, Qt.Key.Key_Tab)
    assert "Word explained" in window.facts_panel.texts()
    # leaving the links gives the page its name back
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.accessibleDescription() == "Tramadol for chronic pain"


def test_caret_browsing_moves_by_line_and_f7_turns_it_off(qtbot: QtBot,
                                                          launch: Callable[..., MainWindow],
                                                          bundled_pack: Pack) -> None:
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    view = window.article_view
    view.setFocus()
    assert window.commands.caret_browsing.isChecked()
    start = view.textCursor().position()
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() > start
    window.commands.caret_browsing.trigger()
    assert not view.caret_browsing()


def test_next_heading_and_on_this_page_move_the_caret_and_the_focus(
        qtbot: QtBot, launch: Callable[..., MainWindow], bundled_pack: Pack) -> None:
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    view = window.article_view
    window.commands.next_heading.trigger()
    assert view.textCursor().block().text() == "What it is"
    window.commands.next_heading.trigger()
    assert view.textCursor().block().text() == "Why it became a controlled drug"
    assert view.accessibleDescription() == "Heading level 2: Why it became a controlled drug"
    window.commands.previous_heading.trigger()
    assert view.textCursor().block().text() == "What it is"
    button = next(b for b in window.facts_panel.findChildren(QPushButton)
                  if b.accessibleName() == "Risks and side effects")
    window.nav_tree.setFocus()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.hasFocus()
    assert view.textCursor().block().text() == "Risks and side effects"


def test_the_keyboard_starts_on_the_article_shown_in_the_list(qtbot: QtBot,
                                                              bundled_pack: Pack) -> None:
    window = MainWindow(bundled_pack, Profile(MemoryBackend()), PageSource(bundled_pack),
                        ModePolicy.laptop())
    qtbot.add_widget(window)
    # before it shows: under X11 the window is activated later, and with no focus widget
    # Qt then picks the first Tab stop, the search box
    assert window.focusWidget() is window.nav_tree


def test_f6_visits_each_pane_in_screen_order(qtbot: QtBot, launch: Callable[..., MainWindow],
                                            bundled_pack: Pack) -> None:
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    window.nav_tree.setFocus()
    visited = []
    for _ in range(4):
        window.commands.next_pane.trigger()
        focus = QApplication.focusWidget()
        assert focus is not None
        visited.append(focus)
    assert visited[0] is window.article_view
    assert window.facts_panel.isAncestorOf(visited[1])
    assert visited[2] is window.search_box
    assert visited[3] is window.nav_tree
    window.commands.previous_pane.trigger()
    assert QApplication.focusWidget() is window.search_box


def test_the_shortcut_list_is_made_from_the_commands(launch: Callable[..., MainWindow],
                                                     tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    rows = dict(shortcut_rows(window.actions()))
    for what in ("Back", "Larger text", "Search the guide", "Find in this article",
                 "Next pane", "Caret browsing", "Keyboard shortcuts"):
        assert what in rows
    dialog = ShortcutsDialog(window.actions(), [("Follow a link", "Enter")], window)
    assert ("Follow a link", "Enter") in dialog.rows
    assert len(dialog.rows) == len(rows) + 1
    table = dialog.findChild(QTableWidget, "shortcutsList")  # cells a screen reader can walk
    assert table is not None
    assert table.rowCount() == len(dialog.rows)
    cells = [(item.text() for item in (table.item(row, 0), table.item(row, 1)) if item)
             for row in range(table.rowCount())]
    assert ("Back", rows["Back"]) in [tuple(row) for row in cells]
    # keys only some keyboards have (a browser Back key, a Save key) would read as words
    back_keys = QKeySequence.listToString(window.commands.back.shortcuts())
    assert QKeySequence(Qt.Key.Key_Back).toString() in back_keys.split("; ")
    assert "Back" not in rows["Back"].split(", ")
    assert QKeySequence("Alt+Left").toString(QKeySequence.SequenceFormat.NativeText) in rows["Back"]


def test_the_article_shows_where_the_keyboard_is(qtbot: QtBot,
                                                 launch: Callable[..., MainWindow],
                                                 bundled_pack: Pack) -> None:
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    view = window.article_view
    highlight = view.palette().color(QPalette.ColorRole.Highlight).name()

    def edge() -> str:
        image = view.grab().toImage()
        return QColor(image.pixel(0, image.height() // 2)).name()

    window.nav_tree.setFocus()
    assert edge() != highlight
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert edge() == highlight
    assert contrast(highlight, view.palette().color(QPalette.ColorRole.Base).name()) >= 3
    assert window.splitter.handleWidth() >= 8
    window.commands.theme_actions["dark"].trigger()  # the ring follows the theme
    dark = Colours.dark(bundled_pack.accent)
    qtbot.waitUntil(lambda: edge() == dark.selection)
    assert contrast(dark.selection, dark.paper) >= 3


def _tab_stops(window: MainWindow) -> list[QWidget]:
    """Where Tab goes from the search box, once round the window."""
    stops: list[QWidget] = []
    widget = window.search_box.nextInFocusChain()
    while widget is not None and widget is not window.search_box:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def test_tab_follows_the_screen_after_the_quick_facts_change(
        qtbot: QtBot, launch: Callable[..., MainWindow], bundled_pack: Pack) -> None:
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    window.open_location("medicines/ketamine-infusion")  # new buttons in the quick facts
    QApplication.processEvents()  # a button added to a shown panel shows on the next turn
    stops = _tab_stops(window)
    assert stops[0] is window.nav_tree
    assert [stop.accessibleName() for stop in stops[1:3]] == ["Save this article", "Print"]
    article = stops.index(window.article_view)
    assert stops.index(window.nav_tree) < article
    facts = stops[article + 1:]
    assert facts
    assert all(window.facts_panel.isAncestorOf(stop) for stop in facts)
    heights = [stop.mapTo(window, QPoint(0, 0)).y() for stop in facts]
    assert heights == sorted(heights)
    names = [stop.accessibleName() for stop in facts]
    ketamine = bundled_pack.article("medicines/ketamine-infusion")
    assert ketamine is not None
    glance = ketamine.facts
    assert names[:len(glance)] == [f"\u2022 {fact}" for fact in glance]  # each fact is a stop
    assert facts[0].accessibleDescription() == "At a glance"
    facts[0].setFocus()
    qtbot.waitUntil(facts[0].hasFocus)
    image = facts[0].grab().toImage()  # a fact with the keyboard on it shows a ring
    highlight = facts[0].palette().color(QPalette.ColorRole.Highlight).name()
    assert QColor(image.pixel(1, image.height() // 2)).name() == highlight
    assert names.index("More quick facts\u2026") < names.index("Cost and insurance")


def test_screen_readers_meet_the_panes_in_screen_order(qtbot: QtBot,
                                                       launch: Callable[..., MainWindow],
                                                       bundled_pack: Pack) -> None:
    # flat review and object navigation walk a window's children in their accessible order
    window = _active(qtbot, launch, bundled_pack, "medicines/tramadol")
    splitter = QAccessible.queryAccessibleInterface(window.splitter)
    panes = [splitter.child(n).object() for n in range(splitter.childCount())]
    visible = [pane for pane in panes if isinstance(pane, QWidget) and pane.isVisible()
               and pane.width() > window.splitter.handleWidth()]
    assert visible[0] is window.left_panel
    assert window.article_view in visible[1].findChildren(QWidget)
    assert visible[2] is window.facts_panel


def test_the_window_is_named_after_the_article_read(launch: Callable[..., MainWindow],
                                                    bundled_pack: Pack) -> None:
    # screen readers say the window's name when the reader switches windows
    window = launch(bundled_pack, None, "medicines/tramadol")
    name = QAccessible.queryAccessibleInterface(window).text(QAccessible.Text.Name)
    assert name.startswith("Tramadol for chronic pain")
    window.open_location("welcome")
    name = QAccessible.queryAccessibleInterface(window).text(QAccessible.Text.Name)
    assert name.startswith("Welcome to this guide")


def test_a_new_page_is_named_by_its_own_title(launch: Callable[..., MainWindow],
                                              bundled_pack: Pack,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # Orca said "Tramadol for chronic pain" and then "Glossary" after Enter on a glossary word
    window = launch(bundled_pack, None, "medicines/tramadol")
    view = window.article_view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)  # the keyboard is on a link when Enter follows it
    assert view.accessibleDescription().startswith("Link")
    said: list[str] = []
    describe = view.setAccessibleDescription

    def record(text: str) -> None:
        said.append(text)
        describe(text)

    monkeypatch.setattr(view, "setAccessibleDescription", record)
    window.open_location("glossary")
    assert said
    assert "Tramadol for chronic pain" not in said
    assert view.accessibleDescription() == "Glossary"
