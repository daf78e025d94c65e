"""The quick-facts sidebar: at-a-glance facts, a "Did you know?" fact, outline, related."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from guide.glossary import Term
from guide.model import Article, Fact, Pack, contents_headings
from guide.ui.link_button import LinkButton
from guide.ui.theme import draw_focus_ring, heading_font, paint_as_panel

OUTLINE_LIMIT = 25
"""Headings listed under "On this page" at most: the page's own list has them all, and a
few hundred buttons take seconds to lay out (an imported article with 700 headings took 6 s).
"""


def pick_general_fact(pack: Pack, article_id: str) -> Fact | None:
    """The "Did you know?" fact for an article: one tied to it, else a stable pick."""
    tied = pack.facts_for(article_id)
    pool = tied or pack.facts
    if not pool:
        return None
    return pool[zlib.crc32(article_id.encode("utf-8")) % len(pool)]


class _Body(QWidget):
    """The scrolled content, sized from its width (wrapped text), not the narrowest case."""

    def minimumSizeHint(self) -> QSize:
        """No minimum: the scroll area sizes the content by height-for-width."""
        return QSize(0, 0)


class _FactLabel(QLabel):
    """A fact the keyboard can reach, with a ring in the selection colour while it has focus."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text, then the focus ring (Fusion draws none on a label)."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            ring = self.palette().color(QPalette.ColorRole.Highlight)
            draw_focus_ring(painter, self.rect(), ring)
            painter.end()


class FactsPanel(QScrollArea):
    """Real widgets (labels and buttons), so screen readers and the keyboard reach them.

    Signals:
        article_requested(str): a related article was chosen.
        anchor_requested(str): a heading of the current article was chosen.
        facts_page_requested(): "More quick facts..." was chosen.
    """

    article_requested = Signal(str)
    anchor_requested = Signal(str)
    facts_page_requested = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its links are stops; the frame is not
        self.setAccessibleName("Quick facts")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._pack = pack
        self._body = body = _Body()
        body.setObjectName("factsPanelBody")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self._layout.setSpacing(6)
        self._word = self._section("Word explained")
        self._word_label = self._label("", "Word explained")
        self._word_label.setObjectName("termDefinition")
        self._word_label.setTextFormat(Qt.TextFormat.RichText)
        self._word.addWidget(self._word_label)
        self._section_widget(self._word).hide()
        self._glance = self._section("At a glance")
        self._did_you_know = self._section("Did you know?")
        self._fact_label = self._label("", "Did you know?")
        self._source_label = self._label("", "Source of this fact")
        self._source_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._did_you_know.addWidget(self._fact_label)
        self._did_you_know.addWidget(self._source_label)
        # widgets are reused from article to article: building new ones costs ~20 ms a switch
        self._glance_labels: list[QLabel] = []
        self._outline_buttons: list[LinkButton] = []
        self._related_buttons: list[LinkButton] = []
        self._more = self._button("More quick facts\u2026",
                                  "Open a page listing every quick fact with its source",
                                  self.facts_page_requested.emit)
        self._more.setObjectName("moreFactsButton")
        self._layout.addWidget(self._more)
        self._outline = self._section("On this page")
        self._related = self._section("Related articles")
        self._layout.addStretch(1)
        self.setWidget(body)
        paint_as_panel(self)
        paint_as_panel(body)

    def _section(self, title: str) -> QVBoxLayout:
        heading = QLabel(title)
        heading.setFont(heading_font(heading))
        heading.setForegroundRole(QPalette.ColorRole.Accent)  # the edition's heading colour
        heading.setAccessibleName(title)
        box = QVBoxLayout()
        box.setSpacing(4)
        box.setContentsMargins(0, 0, 0, 10)
        container = QWidget()
        container.setObjectName(f"factsSection{title.title().replace(' ', '').rstrip('?')}")
        outer = QVBoxLayout(container)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(heading)
        outer.addLayout(box)
        self._layout.addWidget(container)
        return box

    def _section_widget(self, box: QVBoxLayout) -> QWidget:
        widget = box.parentWidget()
        assert widget is not None
        return widget

    def show_article(self, article: Article | None) -> None:
        """Fill the panel for ``article`` (or for a generated page when ``None``)."""
        self._section_widget(self._word).hide()
        facts = article.facts if article else ()
        self._fill_labels(self._glance, self._glance_labels, [f"\u2022 {f}" for f in facts])
        fact = pick_general_fact(self._pack, article.id if article else "")
        if fact is not None:
            source = fact.source.citation() if fact.source else "No source given"
            for label, text in ((self._fact_label, fact.text),
                                (self._source_label, f"Source: {source}")):
                label.setText(text)
                label.setAccessibleName(text)
        top_headings = contents_headings(article.headings) if article else ()
        self._fill_buttons(self._outline, self._outline_buttons, [
            (h.text, f"Go to the heading {h.text}", h.anchor)
            for h in top_headings[:OUTLINE_LIMIT]
        ], self.anchor_requested.emit)
        related = [self._pack.articles[r] for r in (article.related if article else ())
                   if r in self._pack.articles]
        self._fill_buttons(self._related, self._related_buttons, [
            (other.title, f"Open the related article {other.title}", other.id)
            for other in related
        ], self.article_requested.emit)
        self._section_widget(self._glance).setVisible(bool(facts))
        self._section_widget(self._did_you_know).setVisible(fact is not None)
        self._more.setVisible(bool(self._pack.facts))
        self._section_widget(self._outline).setVisible(bool(top_headings))
        self._section_widget(self._related).setVisible(bool(related))
        self.verticalScrollBar().setValue(0)  # a new article's facts start at the top

    def sizeHint(self) -> QSize:
        """A steady size, whatever the article (a changing hint re-lays out the article view)."""
        return QSize(300, 400)

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for small screens; the text wraps."""
        return QSize(160, 100)

    def show_term(self, term: Term | None) -> None:
        """Explain a glossary term at the top of the panel (``None`` keeps the last one)."""
        if term is None:
            return
        text = f"<b>{escape(term.term)}</b>: {escape(term.definition)}"
        self._word_label.setText(text)
        self._word_label.setAccessibleName(f"{term.term}: {term.definition}")
        self._section_widget(self._word).show()

    def _fill_labels(self, box: QVBoxLayout, pool: list[QLabel], texts: list[str]) -> None:
        while len(pool) < len(texts):
            pool.append(self._label("", "At a glance"))
            box.addWidget(pool[-1])
        for label, text in zip(pool, texts, strict=False):
            label.setText(text)
            label.setAccessibleName(text)
        for number, label in enumerate(pool):
            label.setVisible(number < len(texts))

    def _fill_buttons(self, box: QVBoxLayout, pool: list[LinkButton],
                      items: list[tuple[str, str, str]], emit: Callable[[str], object]) -> None:
        while len(pool) < len(items):
            button = self._button("", "", lambda: None)
            button.clicked.disconnect()
            button.clicked.connect(lambda _checked=False, b=button: emit(b.target))
            pool.append(button)
            box.addWidget(button)
        for button, (text, description, target) in zip(pool, items, strict=False):
            button.set_label_text(text)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.target = target
        for number, button in enumerate(pool):
            button.setVisible(number < len(items))

    def _label(self, text: str, section: str) -> QLabel:
        label = _FactLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # Tab reaches each fact, so a screen reader reads it with its section (audit #14)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        label.setAccessibleDescription(section)
        policy = label.sizePolicy()  # keeps the height-for-width flag that word wrap set
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        label.setSizePolicy(policy)
        label.setAccessibleName(text)
        return label

    def _button(self, text: str, description: str, slot: Callable[[], object]) -> LinkButton:
        button = LinkButton(text)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def texts(self) -> list[str]:
        """Visible texts of the panel, top to bottom (for tests and accessibility checks)."""
        found: list[str] = []
        for widget in self._body.findChildren(QWidget):
            if not widget.isVisibleTo(self):
                continue
            if isinstance(widget, LinkButton):
                found.append(widget.label_text())
            elif isinstance(widget, QLabel) and widget.objectName() != "linkButtonLabel":
                found.append(widget.text())
        return found
