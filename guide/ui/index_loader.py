"""Open or build the search index off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from guide.model import Pack
from guide.search import BuildCancelledError, SearchIndex


class IndexLoader(QThread):
    """Opens the cached index, or builds (and caches) it, without blocking the UI.

    A cached index that does not match the pack (a damaged or stale file) is not trusted: it is
    built again. :meth:`requestInterruption` stops a build at the next batch of articles.

    Signals:
        index_ready(object): the :class:`SearchIndex` is ready to query.
        index_failed(str): the index could not be opened or built (the reason, in words).
    """

    index_ready = Signal(object)
    index_failed = Signal(str)

    def __init__(self, pack: Pack, cache_file: Path | None, parent: QObject | None = None,
                 *, trust_cache: bool = True) -> None:
        super().__init__(parent)
        self._pack = pack
        self._cache_file = cache_file
        self._trust_cache = trust_cache

    def run(self) -> None:
        """Thread body: open the cached index or build a new one."""
        try:
            index = self._open_cached()
            if index is None:
                index = SearchIndex.build(self._pack, self._cache_file,
                                          self.isInterruptionRequested)
        except BuildCancelledError:
            return
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never silent
            self.index_failed.emit(str(exc) or type(exc).__name__)
            return
        self.index_ready.emit(index)

    def _open_cached(self) -> SearchIndex | None:
        if self._cache_file is None or not self._trust_cache:
            return None
        index = SearchIndex.open(self._cache_file, self._pack.synonyms)
        if index is not None and index.article_count != len(self._pack.articles):
            index.close()  # not this pack's index (damaged, or written by another version)
            return None
        return index
