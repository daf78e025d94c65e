"""The search side panel: status line, results list, and help when nothing matches."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from guide.glossary import GLOSSARY_ID
from guide.query import parse_query
from guide.search import Hit, SearchError, SearchIndex
from guide.ui.link_button import LinkButton
from guide.ui.search_results import SearchResultsModel, SearchResultsView
from guide.ui.theme import paint_as_panel

RESULT_LIMIT = 30
FULL_SEARCH_PAUSE_MS = 200
"""Typing shows matching titles at once; every article is searched after this pause."""


class SearchPanel(QWidget):
    """Runs queries against a :class:`SearchIndex` and lists the hits.

    Signals:
        article_requested(str): a result (or the glossary suggestion) was chosen.
        index_broken(str): the index failed while answering (it should be built again).
    """

    article_requested = Signal(str)
    index_broken = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setAccessibleName("Search")
        self.index: SearchIndex | None = None
        self._problem = ""
        self.query = ""
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = SearchResultsModel(self)
        self.results = SearchResultsView(self.model)
        self.glossary_button = LinkButton("Browse the glossary of medical words")
        self.glossary_button.setObjectName("searchGlossaryButton")
        self.glossary_button.clicked.connect(
            lambda _checked=False: self.article_requested.emit(GLOSSARY_ID))
        self.glossary_button.hide()
        paint_as_panel(self)
        paint_as_panel(self.results)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.status)
        layout.addWidget(self.glossary_button)
        layout.addWidget(self.results, 1)
        self._full_search = QTimer(self)
        self._full_search.setSingleShot(True)
        self._full_search.setInterval(FULL_SEARCH_PAUSE_MS)
        self._full_search.timeout.connect(self._search_everything)
        self.results.activated.connect(self._on_result_activated)
        self.results.clicked.connect(self._on_result_activated)

    def set_index(self, index: SearchIndex) -> None:
        """Start using ``index``; re-runs a query typed while it was being prepared."""
        self.index = index
        self._problem = ""
        if self.query:
            self.search(self.query)

    def set_unavailable(self, reason: str) -> None:
        """Say that search cannot work, and why, instead of "getting ready" for ever."""
        self.index = None
        self._problem = reason
        self.model.set_hits([])
        self._say(f"Search is not available ({reason}). You can still browse every "
                  "article in the list, and the glossary.")
        self.glossary_button.show()

    def _ask(self, text: str, *, names_only: bool = False) -> list[Hit] | None:
        """The index's answer, or ``None`` after saying that it failed."""
        assert self.index is not None
        try:
            return self.index.search(text, RESULT_LIMIT, names_only=names_only)
        except SearchError as exc:
            self.index = None
            self.model.set_hits([])
            self._say("Search hit a problem with its saved index, so it is being built again. "
                      "Results will appear in a moment.")
            self.index_broken.emit(str(exc))
            return None

    def search(self, text: str) -> None:
        """Show the results for ``text``: names at once, every article after a short pause."""
        self.query = text
        self._full_search.stop()
        if self.index is None:
            if not self._problem:
                self.model.set_hits([])
                self._say("Getting search ready\u2026 results will appear in a moment.")
            return
        hits = self._ask(text, names_only=True)
        if hits is None:
            return
        if hits or not text.strip():
            self._show(hits)
        else:
            self.model.set_hits([])
            self.glossary_button.hide()
            self._say("Searching\u2026")
        if text.strip():
            self._full_search.start()

    def pending(self) -> bool:
        """Whether the full search for the current text has still to run."""
        return self._full_search.isActive()

    def finish(self) -> None:
        """Run the full search now if it is still waiting (before moving or opening)."""
        if self._full_search.isActive():
            self._full_search.stop()
            self._search_everything()

    def _search_everything(self) -> None:
        if self.index is None:
            return
        current = self.results.current_article_id()
        hits = self._ask(self.query)
        if hits is not None:
            self._show(hits, keep=current)

    def _show(self, hits: list[Hit], keep: str = "") -> None:
        text = self.query.strip()
        self.model.set_hits(hits)
        self.glossary_button.setVisible(not hits and bool(text))
        if hits:
            row = next((n for n, hit in enumerate(hits) if hit.article_id == keep), 0)
            self.results.setCurrentIndex(self.model.index(row, 0))
            count = len(hits)
            more = "+" if count >= RESULT_LIMIT else ""
            found = f"{count}{more} article{'s' * (count != 1)} found"
            if not hits[0].complete:  # no article has every word: say why these are shown
                found = f"Showing pages that match some of your words: {found}"
            self._say(found)
        elif text:
            self._say(f"No articles match \u201c{text[:80]}\u201d. Try fewer or "
                      "different words, check the spelling, or browse the glossary.")
        else:
            self._say("")

    def terms(self) -> list[str]:
        """Words and phrases of the current query and their synonyms, for highlighting."""
        if self.index is None:
            return parse_query(self.query).terms()
        return self.index.terms(self.query)

    def move_selection(self, step: int) -> None:
        """Move through the results (the full list, once it is there)."""
        self.finish()
        self.results.move_selection(step)

    def open_current(self) -> None:
        """Open the current result (the first one unless another was chosen)."""
        article_id = self.results.current_article_id()
        if article_id:
            self.article_requested.emit(article_id)

    def _on_result_activated(self, index: QModelIndex) -> None:
        self.results.setCurrentIndex(index)
        self.open_current()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text or "Search")
        self.status.setVisible(bool(text))
        if text and QAccessible.isActive():  # pragma: no cover - needs a screen reader
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, text))
