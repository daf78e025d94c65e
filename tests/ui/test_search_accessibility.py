"""Search and find, heard and reached: what a screen reader is told, Tab order, target sizes."""

from __future__ import annotations

import re
from html import escape

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.search import Hit, SearchIndex
from guide.ui.search_panel import SearchPanel
from guide.ui.search_results import SearchResultsModel

ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


@pytest.fixture(scope="module")
def index(bundled_pack: Pack) -> SearchIndex:
    return SearchIndex.build(bundled_pack)


@pytest.mark.parametrize(("title", "text"), [
    ("A carer's guide", "You don't have to \"fix\" it."),
    ("Pain & sleep", "Doses < 10 mg & > 5 mg"),
    ("Markup", "The page says &lt; literally, and <b> too"),
])
def test_results_are_spoken_as_written_without_html_entities(title: str, text: str) -> None:
    snippet = f"<b>{escape(text[:3])}</b>{escape(text[3:])}"  # as the index marks matches
    model = SearchResultsModel()
    model.set_hits([Hit("a", title, "", snippet)])
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{title}. {text}"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == spoken


def test_real_snippets_with_apostrophes_are_spoken_without_entities(qtbot: QtBot,
                                                                    index: SearchIndex) -> None:
    panel = SearchPanel()
    qtbot.add_widget(panel)
    panel.set_index(index)
    panel.search("don't")
    panel.finish()
    spoken = [panel.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
              for row in range(panel.model.rowCount())]
    assert any("don't" in text for text in spoken)
    assert [text for text in spoken if ENTITY.search(text)] == []
