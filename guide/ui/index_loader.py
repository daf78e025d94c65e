"""Open or build the search index off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from guide.model import Pack
from guide.search import SearchIndex


class IndexLoader(QThread):
    """Opens the cached index, or builds (and caches) it, without blocking the UI.

    Signals:
        index_ready(object): the :class:`SearchIndex` is ready to query.
    """

    index_ready = Signal(object)

    def __init__(self, pack: Pack, cache_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._cache_file = cache_file

    def run(self) -> None:
        """Thread body: open the cached index or build a new one."""
        synonyms = self._pack.synonyms
        index = SearchIndex.open(self._cache_file, synonyms) if self._cache_file else None
        if index is None:
            index = SearchIndex.build(self._pack, self._cache_file)
        self.index_ready.emit(index)
