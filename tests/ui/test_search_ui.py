"""Searching from the toolbar, and finding text in the current article."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.ui.main_window import MainWindow
from tests.ui.conftest import Launcher


@pytest.fixture
def window(searchable_window: MainWindow) -> MainWindow:
    return searchable_window


def type_query(window: MainWindow, text: str, qtbot: QtBot | None = None) -> None:
    """Type like a reader, then wait for the search that follows a pause in typing."""
    window.search.focus()
    QTest.keyClicks(window.search_box, text)
    if qtbot is not None:
        qtbot.wait_until(lambda: not window.search_panel.pending())


def test_typing_shows_results_with_titles_sections_and_snippets(window: MainWindow,
                                                                 qtbot: QtBot) -> None:
    type_query(window, "ketamine", qtbot)
    assert window.left_panel.currentWidget() is window.search_panel
    model = window.search_panel.model
    assert model.rowCount() > 1
    first = model.index(0, 0)
    assert first.data() == "Ketamine infusion for chronic pain"
    html = first.data(Qt.ItemDataRole.UserRole + 2)
    assert "Treatments: medicines" in html
    assert "<b>" in html.split("<br>", 2)[-1]
    spoken = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Ketamine infusion for chronic pain, in Treatments: medicines.")
    assert window.search_panel.status.text().endswith("articles match")


def test_arrows_choose_and_enter_opens_with_matches_highlighted(window: MainWindow,
                                                                 qtbot: QtBot) -> None:
    type_query(window, "tramadol")
    results = window.search_panel.results
    assert results.currentIndex().row() == 0
    QTest.keyClick(window.search_box, Qt.Key.Key_Down)
    assert results.currentIndex().row() == 1
    QTest.keyClick(window.search_box, Qt.Key.Key_Up)
    QTest.keyClick(window.search_box, Qt.Key.Key_Up)
    assert results.currentIndex().row() == 0
    with qtbot.wait_signal(window.location_opened):
        QTest.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.current_location() == "medicines/tramadol"
    highlights = window.article_view.extraSelections()
    assert len(highlights) > 3
    assert highlights[0].cursor.selectedText().lower().startswith("tramadol")


def test_clicking_a_result_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, "RSD")
    index = window.search_panel.model.index(0, 0)
    with qtbot.wait_signal(window.location_opened):
        window.search_panel.results.clicked.emit(index)
    assert window.current_location() == "related-conditions/crps"


def test_escape_clears_and_returns_to_the_tree(window: MainWindow) -> None:
    type_query(window, "sleep")
    QTest.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    assert window.left_panel.currentWidget() is window.nav_tree
    assert QApplication.focusWidget() is window.nav_tree


def test_find_shortcut_and_ctrl_k_focus_the_search_box(window: MainWindow) -> None:
    shortcuts = window.commands.search.shortcuts()
    assert QKeySequence("Ctrl+K") in shortcuts
    for sequence in QKeySequence.keyBindings(QKeySequence.StandardKey.Find):
        assert sequence in shortcuts
    window.nav_tree.setFocus()
    QTest.keyClick(window.nav_tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box


def test_no_results_says_so_and_offers_the_glossary(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, "zzzqqq", qtbot)
    assert window.search_panel.model.rowCount() == 0
    assert window.search_panel.status.text().startswith("No articles match \u201czzzqqq\u201d")
    button = window.search_panel.glossary_button
    assert button.isVisibleTo(window)
    with qtbot.wait_signal(window.location_opened):
        button.click()
    assert window.current_location() == "glossary"


def test_typing_before_the_index_is_ready_says_so(qtbot: QtBot, launch: Launcher,
                                                  bundled_pack: Pack) -> None:
    window = launch(bundled_pack)
    window.search_box.setText("ketamine")
    if window.search_panel.index is None:
        assert "Getting search ready" in window.search_panel.status.text()
    window.start_search_index(None)
    qtbot.wait_until(lambda: window.search_panel.model.rowCount() > 0, timeout=20_000)
    assert window.search_panel.model.index(0, 0).data() == "Ketamine infusion for chronic pain"


def test_find_in_article_counts_and_steps_through_matches(window: MainWindow) -> None:
    window.open_location("medicines/tramadol")
    window.commands.find.trigger()
    bar = window.find_bar
    assert bar.isVisibleTo(window)
    assert QApplication.focusWidget() is bar.field
    QTest.keyClicks(bar.field, "seizure")
    total = bar.match_count()
    assert total >= 2
    assert bar.count.text() == f"1 of {total}"
    bar.find_next()
    assert bar.count.text() == f"2 of {total}"
    bar.find_previous()
    bar.find_previous()
    assert bar.count.text() == f"{total} of {total}"
    assert len(window.article_view.extraSelections()) == total
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert window.article_view.extraSelections() == []


def test_find_in_article_reports_no_matches(window: MainWindow) -> None:
    window.commands.find.trigger()
    QTest.keyClicks(window.find_bar.field, "qqqzzz")
    assert window.find_bar.count.text() == "No matches"
    assert not window.find_bar.next_button.isEnabled()


def test_search_widgets_are_named_for_assistive_technology(window: MainWindow) -> None:
    assert window.search_box.objectName() == "searchBox"
    assert window.search_box.accessibleName() == "Search the guide"
    assert window.search_panel.results.objectName() == "searchResults"
    assert window.search_panel.results.accessibleName() == "Search results"
    assert window.find_bar.field.accessibleName() == "Find in this article"


def test_names_follow_each_key_and_every_article_follows_a_pause(window: MainWindow,
                                                                  qtbot: QtBot) -> None:
    type_query(window, "tramadol")
    panel = window.search_panel
    assert panel.pending()
    names = [h.article_id for h in panel.model.hits]
    assert names[0] == "medicines/tramadol"
    qtbot.wait_until(lambda: not panel.pending())
    everything = [h.article_id for h in panel.model.hits]
    assert everything[0] == "medicines/tramadol"
    assert len(everything) > len(names), "articles that mention tramadol in passing follow"


def test_words_found_only_in_text_say_searching_first(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, "crave")
    assert window.search_panel.status.text() == "Searching\u2026"
    qtbot.wait_until(lambda: not window.search_panel.pending())
    assert window.search_panel.model.rowCount() > 0
