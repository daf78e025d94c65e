"""Searching from the toolbar: the box, the results panel it swaps in, and the index."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from guide.model import Pack
from guide.ui.announce import tell
from guide.ui.index_loader import IndexLoader
from guide.ui.search_box import INSTRUCTIONS, SearchBox

if TYPE_CHECKING:
    from guide.search import SearchIndex
    from guide.ui.search_panel import SearchPanel


class SearchController(QObject):
    """Typing in the box shows the results panel in place of the tree; Esc brings it back.

    The keyboard stays in the box, so the box tells assistive technology what happens: how
    many articles match, the result Up and Down move to, and the article Enter opens.

    Signals:
        result_chosen(str, list): a result was opened (article id, the words to highlight).
        panel_created(QWidget): the results panel was made (on first use, after start-up).
    """

    result_chosen = Signal(str, list)
    panel_created = Signal(QWidget)

    def __init__(self, pack: Pack, box: SearchBox, stack: QStackedWidget, home: QWidget,
                 *, keypad: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self.box = box
        self.keypad = keypad
        """An on-screen keypad shown while searching (``None`` where there is a keyboard)."""
        self._stack = stack
        self._home = home
        self._panel: SearchPanel | None = None
        self._index: SearchIndex | None = None
        self._loader: IndexLoader | None = None
        self._cache_file: Path | None = None
        self._problem = ""
        box.textChanged.connect(self._on_text_changed)
        box.move_requested.connect(self._on_move_requested)
        box.open_requested.connect(self._on_open_requested)
        box.cancel_requested.connect(self.leave)
        if keypad is not None:
            box.focused.connect(keypad.show)

    @property
    def panel(self) -> SearchPanel:
        """The results panel (created the first time it is needed)."""
        if self._panel is None:
            from guide.ui.search_panel import SearchPanel  # noqa: PLC0415 - not needed to start

            self._panel = SearchPanel()
            self._panel.setFont(self._home.font())
            self._stack.addWidget(self._panel)
            self._panel.article_requested.connect(self._on_article_requested)
            self._panel.index_broken.connect(self._on_index_broken)
            self._panel.status_settled.connect(self._on_status_settled)
            if self._index is not None:
                self._panel.set_index(self._index)
            elif self._problem:
                self._panel.set_unavailable(self._problem)
            self.panel_created.emit(self._panel)
        return self._panel

    def has_panel(self) -> bool:
        """Whether the results panel exists yet."""
        return self._panel is not None

    def start_index(self, cache_file: Path | None, *, trust_cache: bool = True) -> None:
        """Open or build the search index in the background; typing works meanwhile."""
        if self._loader is not None and trust_cache:
            return
        self._cache_file = cache_file
        self._loader = IndexLoader(self._pack, cache_file, self, trust_cache=trust_cache)
        self._loader.index_ready.connect(self._on_index_ready)
        self._loader.index_failed.connect(self._on_index_failed)
        self._loader.start()

    def wait_for_index(self, timeout_ms: int = 60_000) -> bool:
        """Block until the index is ready (for tests and benchmarks); True if so."""
        if self._loader is None:
            return False
        return self._loader.wait(timeout_ms)

    def stop(self, timeout_ms: int = 2000) -> None:
        """Stop a build still running (the app is closing) and release the index."""
        if self._loader is not None:
            self._loader.requestInterruption()
            self._loader.wait(timeout_ms)
        if self._index is not None:
            self._index.close()

    def focus(self) -> None:
        """Put the keyboard in the search box, its text selected (with the keypad, if any)."""
        if self.keypad is not None:
            self.keypad.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def leave(self) -> None:
        """Clear the search and go back to the navigation tree."""
        self.hide_keypad()
        self.box.clear()
        self._stack.setCurrentWidget(self._home)
        self._home.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_keypad(self) -> None:
        """Put the on-screen keypad away (after a result is opened)."""
        if self.keypad is not None:
            self.keypad.hide()

    def _on_move_requested(self, step: int) -> None:
        self.panel.move_selection(step)  # the panel is made on first use
        said = self.panel.current_description()
        if said:
            tell(self.box, said, interrupt=True)

    def _on_open_requested(self) -> None:
        self.panel.open_current()

    def _on_article_requested(self, article_id: str) -> None:
        self.result_chosen.emit(article_id, self.panel.terms())
        article = self._pack.article(article_id)
        if article is not None:
            tell(self.box, f"Opened {article.title}", interrupt=True)

    def _on_status_settled(self, text: str) -> None:
        tell(self.box, text)

    def _on_index_ready(self, index: SearchIndex) -> None:
        self._index = index
        self._problem = ""
        if self._panel is not None:
            self._panel.set_index(index)

    def _on_index_failed(self, reason: str) -> None:
        self._problem = reason
        if self._panel is not None:
            self._panel.set_unavailable(reason)

    def _on_index_broken(self, _reason: str) -> None:
        """The index stopped answering (a damaged file): build a new one from the pack."""
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._cache_file is not None:
            self._cache_file.unlink(missing_ok=True)
        self._problem = ""
        self.start_index(self._cache_file, trust_cache=False)

    def _on_text_changed(self, text: str) -> None:
        searching = bool(text.strip())
        if not searching:
            self.box.setAccessibleDescription(INSTRUCTIONS)
            if self._panel is None:
                return
        self._stack.setCurrentWidget(self.panel if searching else self._home)
        self.panel.search(text)
