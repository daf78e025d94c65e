"""Narrow windows and large text: the article keeps a readable width, side panes fold away.

Below the width that fits the list of articles, a readable article (about 45 characters a
line) and the quick facts, the quick facts fold away; below the width for the list and the
article, the list folds too. View > Show the list of articles / Show quick facts bring
either back (and the reader's choice then stands until the window is wide enough again).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

READABLE_CHARACTERS = 45
"""The narrowest line worth reading, in average characters."""
LIST_CHARACTERS = 22
FACTS_CHARACTERS = 20
ARTICLE_CHROME = 94
"""Pixels around the article's text: document margins, focus ring, scroll bar, splitter handles."""


class PaneFolder(QObject):
    """Shows or hides the tree and sidebar panes of ``splitter`` to fit the window."""

    def __init__(self, splitter: QSplitter, article: QWidget, contents: QWidget, facts: QWidget,
                 *, show_contents: QAction, show_facts: QAction) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._article = article
        self._panes = {show_contents: contents, show_facts: facts}
        self._chosen: dict[QAction, bool] = {}
        self._fitting = False
        for action in self._panes:
            action.setCheckable(True)
            action.setChecked(True)
            action.triggered.connect(lambda checked, a=action: self._choose(a, checked))
        splitter.installEventFilter(self)
        article.installEventFilter(self)

    def widths(self) -> tuple[int, int, int]:
        """Pixels the article, the list and the quick facts need at the current text size."""
        char = self._article.fontMetrics().averageCharWidth()
        contents, facts = self._panes.values()  # never narrower than the splitter lets them be
        return (READABLE_CHARACTERS * char + ARTICLE_CHROME,
                max(LIST_CHARACTERS * char, contents.minimumSizeHint().width()),
                max(FACTS_CHARACTERS * char, facts.minimumSizeHint().width()))

    def fit(self) -> None:
        """Fold or unfold the panes for the splitter's current width."""
        if self._fitting:  # showing or hiding a pane resizes the splitter again
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        article, contents, facts = self.widths()
        width = self._splitter.width()
        show_contents, show_facts = self._panes
        fits = {show_facts: width >= article + contents + facts,
                show_contents: width >= article + contents}
        for action, pane in self._panes.items():
            if fits[action]:
                self._chosen.pop(action, None)  # wide enough again: back to automatic
            visible = self._chosen.get(action, fits[action])
            action.setChecked(visible)
            if pane.isHidden() == visible:
                pane.setVisible(visible)
        self._give_article_room(article, (contents, facts))

    def _give_article_room(self, article: int, preferred: tuple[int, int]) -> None:
        """Narrow the side panes (not below their preferred widths) until the article fits."""
        sizes = self._splitter.sizes()
        if len(sizes) != 3 or not self._splitter.isVisible():
            return  # before the window shows, sizes are from a layout not yet made
        short = article - sizes[1]
        for position, width in zip((0, 2), preferred, strict=True):
            if short <= 0 or not sizes[position]:
                continue
            given = min(short, max(0, sizes[position] - width))
            sizes[position] -= given
            sizes[1] += given
            short -= given
        if sizes != self._splitter.sizes():
            self._splitter.setSizes(sizes)

    def _choose(self, action: QAction, checked: bool) -> None:
        self._chosen[action] = checked
        self._panes[action].setVisible(checked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002
        """Fit again when the window is resized or the text size changes."""
        if event.type() in {QEvent.Type.Resize, QEvent.Type.FontChange}:
            self.fit()
        return False
