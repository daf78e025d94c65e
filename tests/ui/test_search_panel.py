"""The search panel on its own: status line, why each result is shown, words to highlight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.search import SearchIndex
from guide.ui.search_panel import SearchPanel
from guide.ui.search_results import HTML_ROLE


@pytest.fixture(scope="module")
def index(bundled_pack: Pack) -> SearchIndex:
    return SearchIndex.build(bundled_pack)


@pytest.fixture
def panel(qtbot: QtBot, index: SearchIndex) -> SearchPanel:
    panel = SearchPanel()
    qtbot.add_widget(panel)
    panel.set_index(index)
    return panel


def search(panel: SearchPanel, text: str) -> None:
    panel.search(text)
    panel.finish()


def test_a_question_in_plain_words_finds_pages_that_say_why(panel: SearchPanel) -> None:
    search(panel, "insurance won't pay")
    first = panel.model.index(0, 0)
    assert first.data() == "Paying for treatment"
    assert "<i>Matches: insurance, pay</i>" in first.data(HTML_ROLE)
    assert "Matches: insurance, pay." in first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert panel.status.text().endswith("articles match")
    assert not panel.status.text().startswith("Showing")


def test_when_no_page_has_every_word_the_panel_says_so(panel: SearchPanel) -> None:
    search(panel, "my husband doesn't understand zzzqqq")
    assert panel.model.rowCount() > 0
    assert panel.status.text().endswith(" match some of your words")
    first = panel.model.index(0, 0)
    assert "<i>Matches: husband, understand</i>" in first.data(HTML_ROLE)
    assert "Matches: husband, understand. Not found: zzzqqq." in \
        first.data(Qt.ItemDataRole.ToolTipRole)
    assert not panel.glossary_button.isVisibleTo(panel)


def test_one_word_needs_no_explanation(panel: SearchPanel) -> None:
    search(panel, "ketamine")
    assert "Matches" not in panel.model.index(0, 0).data(HTML_ROLE)


def test_nothing_at_all_still_offers_the_glossary(panel: SearchPanel) -> None:
    search(panel, "zzzqqq qqqzzz")
    assert panel.model.rowCount() == 0
    assert panel.status.text().startswith("No articles match")
    assert panel.glossary_button.isVisibleTo(panel)


def test_words_to_highlight_include_synonyms(panel: SearchPanel) -> None:
    search(panel, "am I pregnant")
    assert panel.terms()[0] == "pregnant"
    assert "pregnancy" in panel.terms()
    assert panel.model.index(0, 0).data() == "Pregnancy, breastfeeding and your medicines"
