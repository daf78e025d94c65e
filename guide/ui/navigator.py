"""Where the reader is: back/forward history, Home, and remembering the last article read."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from guide.history import History
from guide.links import split_fragment
from guide.model import Pack
from guide.profile import Profile

SAVE_LOCATION_DELAY_MS = 1500
"""The article being read is saved this long after the last change of article."""


class Navigator(QObject):
    """Moves between locations (article ids or generated pages like ``guide:facts``).

    Signals:
        location_changed(str, str): show this location, scrolled to this fragment ("" = top).
        history_changed(bool, bool): whether Back and Forward can go anywhere now.
        notice_raised(str): saving the reader's place failed; tell them (once).
    """

    location_changed = Signal(str, str)
    history_changed = Signal(bool, bool)
    notice_raised = Signal(str)

    def __init__(self, pack: Pack, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._profile = profile
        self.history = History()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_LOCATION_DELAY_MS)
        self._save_timer.timeout.connect(self.save_location)

    def current(self) -> str:
        """The location shown now, without its fragment."""
        return split_fragment(self.history.current)[0]

    def open(self, location: str, fragment: str = "") -> None:
        """Open a location, optionally at a heading, and record it in the history."""
        self.history.visit(f"{location}#{fragment}" if fragment else location)
        self._show(location, fragment)

    def back(self) -> None:
        """Open the previous location."""
        if self.history.can_go_back():
            self._show(*split_fragment(self.history.back()))

    def forward(self) -> None:
        """Open the next location."""
        if self.history.can_go_forward():
            self._show(*split_fragment(self.history.forward()))

    def home(self) -> None:
        """Open the pack's home article."""
        self.open(self._pack.home)

    def start_over(self) -> None:
        """Forget the history and show the home article, as for a new reader."""
        self._save_timer.stop()
        self.history = History()
        self.open(self._pack.home)

    def save_location(self) -> None:
        """Remember the article being read now (done after a pause, and on the way out)."""
        self._save_timer.stop()
        location = self.current()
        if location in self._pack.articles:
            self._profile.set_last_article(location)
            notice = self._profile.take_notice()
            if notice:
                self.notice_raised.emit(notice)

    def _show(self, location: str, fragment: str) -> None:
        self.location_changed.emit(location, fragment)
        self.history_changed.emit(self.history.can_go_back(), self.history.can_go_forward())
        if location in self._pack.articles:
            self._save_timer.start()  # not on every click: a write can take a while
