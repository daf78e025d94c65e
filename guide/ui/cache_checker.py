"""Check in the background that a large pack's start-up cache still matches its files."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from guide.cache import CheckCancelledError, PackCache

STALE_NOTICE = ("This guide's files have changed since it was last opened. Close it and open "
                "it again to see the changes.")


class CacheChecker(QThread):
    """Walks the pack folder off the UI thread.

    Signals:
        stale_found(): some file changed; the cache was dropped for the next launch.
    """

    stale_found = Signal()

    def __init__(self, cache: PackCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache

    def run(self) -> None:
        """Thread body; stops early when the app closes (:meth:`stop`)."""
        try:
            current = self._cache.is_current(self.isInterruptionRequested)
        except CheckCancelledError:
            return
        if not current:
            self.stale_found.emit()

    def stop(self, timeout_ms: int = 2000) -> None:
        """Ask the walk to stop and wait a little for it (the app is closing)."""
        self.requestInterruption()
        self.wait(timeout_ms)
