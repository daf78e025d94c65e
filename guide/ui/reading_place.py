"""Reading where you left off: the place in each article, kept by heading and characters.

A place is the heading above the first line on screen plus the number of characters from
that heading, never a pixel offset, so it still points at the same words after the text
size or the window width has changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from guide.model import Pack
from guide.profile import Profile
from guide.reading import ReadingPlace


def _anchors(document: QTextDocument) -> list[tuple[int, str]]:
    """Every named anchor with its position, in document order."""
    found: list[tuple[int, str]] = []
    block = document.firstBlock()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            found.extend((fragment.position(), name)
                         for name in fragment.charFormat().anchorNames())
            fragments += 1
        block = block.next()
    return found


def place_at_top(view: QTextBrowser) -> ReadingPlace | None:
    """The place of the first line on screen (``None``: the page is at its start)."""
    top = view.verticalScrollBar().value()
    if top <= 0:
        return None
    document = view.document()
    margin = document.documentMargin()
    position = document.documentLayout().hitTest(QPointF(margin + 1, top + 1),
                                                 Qt.HitTestAccuracy.FuzzyHit)
    if position < 0:
        return None
    anchor, start = "", 0
    for anchor_position, name in _anchors(document):
        if anchor_position > position:
            break
        anchor, start = name, anchor_position
    return ReadingPlace(anchor, position - start)


def go_to_place(view: QTextBrowser, place: ReadingPlace) -> bool:
    """Scroll so that the place's line is the first on screen; False if its heading is gone."""
    document = view.document()
    start = 0
    if place.anchor:
        positions = [position for position, name in _anchors(document) if name == place.anchor]
        if not positions:
            return False
        start = positions[0]
    target = min(start + place.offset, max(0, document.characterCount() - 1))
    block = document.findBlock(target)
    layout = document.documentLayout()
    top = layout.blockBoundingRect(block).top()
    line = block.layout().lineForTextPosition(target - block.position())
    if line.isValid():
        top += line.y()
    view.verticalScrollBar().setValue(round(top))
    return True


class ReadingPlaces(QObject):
    """Keeps the reader's place in each article of ``view`` in the profile.

    The window calls :meth:`leave` before it replaces the page and :meth:`arrive` after;
    around a change of text size, :meth:`hold` (before) and :meth:`restore_held` (after)
    keep the same words at the top of the screen.
    """

    def __init__(self, view: QTextBrowser, pack: Pack, profile: Profile,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._pack = pack
        self._profile = profile
        self._location = ""
        self._held: ReadingPlace | None = None  # the place while the text is laid out again

    def leave(self) -> None:
        """Remember the place in the article shown now (a page at its start forgets it)."""
        if self._location in self._pack.articles:
            self._profile.set_reading_place(self._location, place_at_top(self._view))

    def arrive(self, location: str, fragment: str = "") -> None:
        """A page was shown: go back to the reader's place in it, unless a heading was asked."""
        self._location = location
        place = self._profile.reading_place(location) if location in self._pack.articles \
            else None
        if place is None or fragment:
            return
        if self._view.isVisible():
            go_to_place(self._view, place)
        else:  # laid out for its final width only once shown
            QTimer.singleShot(0, self, lambda: self._go_if_still(location, place))

    def _go_if_still(self, location: str, place: ReadingPlace) -> None:
        if location == self._location:
            go_to_place(self._view, place)

    def hold(self) -> None:
        """Note the place on screen now: the text is about to be laid out again.

        While an earlier change is still settling, the place noted before it is kept.
        """
        if self._held is None:
            self._held = place_at_top(self._view)

    def restore_held(self) -> None:
        """Go back to the held place once Qt has laid the text out again."""
        if self._held is not None:
            QTimer.singleShot(0, self, self._restore_held)

    def _restore_held(self) -> None:
        place, self._held = self._held, None
        if place is not None:
            go_to_place(self._view, place)
