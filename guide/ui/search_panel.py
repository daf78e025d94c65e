"""The search side panel: status line, results list, and help when nothing matches."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
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
        status_settled(str): news to say aloud: how many articles match and the first, once
            the reader pauses; or that search is not ready or not working.
    """

    article_requested = Signal(str)
    index_broken = Signal(str)
    status_settled = Signal(str)

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
        self._full_search.timeout.connect(self._on_typing_paused)
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
                  "article in the list, and the glossary.", aloud=True)
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
                      "Results will appear in a moment.", aloud=True)
            self.index_broken.emit(str(exc))
            return None

    def search(self, text: str) -> None:
        """Show the results for ``text``: names at once, every article after a short pause."""
        self.query = text
        self._full_search.stop()
        if self.index is None:
            if not self._problem:
                self.model.set_hits([])
                self._say("Getting search ready\u2026 results will appear in a moment.",
                          aloud=True)
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

    def _on_typing_paused(self) -> None:
        if self._search_everything():
            self.status_settled.emit(self.spoken_status())

    def _search_everything(self) -> bool:
        """Search every article for the query; False if the index could not answer."""
        if self.index is None:
            return False
        current = self.results.current_article_id()
        hits = self._ask(self.query)
        if hits is None:
            return False
        self._show(hits, keep=current)
        return True

    def _show(self, hits: list[Hit], keep: str = "") -> None:
        text = self.query.strip()
        self.model.set_hits(hits)
        self.glossary_button.setVisible(not hits and bool(text))
        if hits:
            row = next((n for n, hit in enumerate(hits) if hit.article_id == keep), 0)
            self.results.setCurrentIndex(self.model.index(row, 0))
            found = count_matching(len(hits))
            if not hits[0].complete:  # no article has every word: say why these are shown
                found += " some of your words"
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

    def spoken_status(self) -> str:
        """The status said aloud: "12 articles match. First: ..." or "No articles match"."""
        hits = self.model.hits
        if not hits:
            return "No articles match" if self.query.strip() else ""
        return f"{self.status.text()}. First: {hits[0].title}"

    def current_description(self) -> str:
        """The current result said aloud: "Tramadol, in Medicines, 2 of 12" ("" if none)."""
        index = self.results.currentIndex()
        if not index.isValid() or not 0 <= index.row() < len(self.model.hits):
            return ""
        hit = self.model.hits[index.row()]
        where = f", in {hit.section}" if hit.section else ""
        return f"{hit.title}{where}, {index.row() + 1} of {len(self.model.hits)}"

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

    def _say(self, text: str, *, aloud: bool = False) -> None:
        """Show ``text`` in the status line; ``aloud`` also says it, unless it is shown already."""
        news = text != self.status.text()
        self.status.setText(text)
        self.status.setAccessibleName(text or "Search")
        self.status.setVisible(bool(text))
        if aloud and news:
            self.status_settled.emit(text)


def count_matching(count: int) -> str:
    """How many articles match, in words: "12 articles match", "1 article matches"."""
    if count == 1:
        return "1 article matches"
    return f"{count}{' or more' * (count >= RESULT_LIMIT)} articles match"
