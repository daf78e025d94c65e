"""The article viewer: a QTextBrowser that follows the guide's link policy."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QToolTip, QWidget

from guide.colours import Colours, callout_css
from guide.glossary import GLOSSARY_ID
from guide.links import (
    ARTICLE_SCHEME,
    PACK_SCHEME,
    LinkAction,
    LinkPolicy,
    describe_link,
    route_link,
)
from guide.list_markers import BULLETS, MAX_DEPTH, NBSP
from guide.locations import UnsafePathError, resolve_inside
from guide.ui import theme
from guide.ui.announce import tell

_STEM = re.compile(r"(?:ations?|ings?|ed|es|s)$", re.IGNORECASE)
READABLE_COLUMNS = 72
"""Widest line of body text, in average character widths, before margins grow."""

ARTICLE_CSS = """
body {{ color: {c.ink}; }}
h1 {{ color: {c.heading}; font-size: 165%; font-weight: 600; margin-bottom: 4px; }}
h2 {{ color: {c.heading}; font-size: 130%; font-weight: 600; margin-top: 22px;
      margin-bottom: 6px; }}
h3 {{ color: {c.ink}; font-size: 112%; font-weight: 600; margin-top: 16px; margin-bottom: 4px; }}
p, li {{ line-height: 145%; }}
p {{ margin-top: 6px; margin-bottom: 8px; }}
li {{ margin-bottom: 4px; }}
a {{ color: {c.link}; }}
a.external {{ color: {c.external_link}; }}
a.term {{ color: {c.term_ink}; background-color: {c.term_paper}; text-decoration: underline; }}
.summary {{ font-size: 112%; color: {c.muted}; margin-bottom: 6px; }}
.meta {{ color: {c.muted}; font-size: 92%; }}
.badge-draft {{ background-color: {c.badge_paper}; color: {c.badge_ink}; font-weight: 600; }}
.badge-reviewed {{ background-color: {c.reviewed_paper}; color: {c.reviewed_ink};
                   font-weight: 600; }}
.evidence {{ color: {c.ink}; }}
.toc-title {{ font-weight: 600; color: {c.ink}; margin-top: 12px; }}
.callout-title {{ font-weight: 700; margin-top: 0px; }}
td.callout-body {{ padding: 10px 16px 4px 16px; }}
table.callout {{ margin-top: 10px; margin-bottom: 12px; }}
li.toc {{ margin-bottom: 0px; line-height: 120%; }}
p.letters {{ font-size: 115%; line-height: 160%; }}
.broken {{ color: {c.broken_ink}; background-color: {c.broken_paper}; }}
.source {{ color: {c.muted}; }}
table {{ border-color: {c.border}; }}
th {{ background-color: {c.header_paper}; }}
th.unaligned {{ text-align: left; }}
blockquote {{ color: {c.muted}; margin-left: 18px; }}
code {{ font-family: monospace; }}
pre {{ font-family: monospace; background-color: {c.header_paper}; margin-top: 6px;
       margin-bottom: 10px; }}
h1.in-article {{ font-size: 140%; margin-top: 22px; }}
h4, h5, h6 {{ color: {c.ink}; font-size: 100%; font-weight: 600; margin-top: 12px;
              margin-bottom: 4px; }}
p.picture {{ line-height: 100%; }}
table.data {{ margin-top: 8px; margin-bottom: 10px; }}
table.data td, table.data th {{ padding: 4px 8px; }}
.task {{ font-size: 120%; }}
ul.task-list {{ list-style-type: none; }}
div.footnote {{ font-size: 92%; color: {c.muted}; }}
"""


def article_css(colours: Colours, font: QFont | None = None) -> str:
    """The style sheet of rendered pages, in the edition's colours, for text in ``font``."""
    return (ARTICLE_CSS.format(c=colours) + callout_css(colours)
            + list_css(QFontMetricsF(font or QFont())))


def list_css(metrics: QFontMetricsF) -> str:
    """Hanging indents for lists whose markers are in the text (:mod:`guide.list_markers`).

    Qt's style sheets know only pixels here, so the widths come from the font in use.
    """
    step = round(metrics.averageCharWidth() * 2.5)
    bullet = round(metrics.horizontalAdvance(BULLETS[0] + NBSP)) + 2
    number = round(metrics.horizontalAdvance("88." + NBSP)) + 2
    rules = ["ul.marked, ol.marked { list-style-type: none; -qt-list-indent: 0; }"]
    for depth in range(1, MAX_DEPTH + 1):
        indent = step * (depth - 1) + step // 2
        rules += [
            (f"li.m{depth}, p.m{depth} {{ margin-left: {indent + bullet}px; "
             f"text-indent: -{bullet}px; }}"),
            (f"li.n{depth}, p.n{depth} {{ margin-left: {indent + number}px; "
             f"text-indent: -{number}px; }}"),
            f"p.c{depth} {{ margin-left: {indent + bullet}px; }}",
        ]
    return "\n".join(rules) + "\n"


class _FirstPaintWatcher(QObject):
    """Runs a callback on the event loop's next turn after the first paint it sees."""

    def __init__(self, callback: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], object] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
            watched.removeEventFilter(self)
        return False


class ArticleView(QTextBrowser):
    """Shows rendered pages; links go through :func:`guide.links.route_link`.

    Signals:
        location_requested(str, str): an internal link was clicked (location, fragment).
        external_link_requested(str): a web link was clicked and the policy allows opening it.
        address_requested(str): a web link was clicked and the policy says to show its address.
        term_requested(str): a glossary term was clicked and the policy says to explain it in
            place (the term's anchor on the glossary page).
        term_highlighted(str): the pointer or keyboard focus reached a glossary term (its
            anchor on the glossary page), or left it ("").
    """

    location_requested = Signal(str, str)
    external_link_requested = Signal(str)
    address_requested = Signal(str)
    term_requested = Signal(str)
    term_highlighted = Signal(str)

    def __init__(self, pack_root: Path, colours: Colours | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.link_policy = LinkPolicy()
        self._side_margin = 0
        self._adjusting = False
        self._pack_root = pack_root
        self._colours = colours or theme.current()
        self._match = QColor(self._colours.match)
        self._html = ""
        self.document().setDefaultStyleSheet(article_css(self._colours, self.font()))
        self.document().setDocumentMargin(24)
        # a ring in the selection colour while the keyboard is here (WCAG 2.4.7), drawn by
        # the frame in the foreground role; the page's colour otherwise, so nothing moves
        self.setFrameStyle(QFrame.Shape.Box | QFrame.Shadow.Plain)
        self.setLineWidth(2)
        self.setForegroundRole(QPalette.ColorRole.Base)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins match the page
        self.setAutoFillBackground(True)
        theme.changes.changed.connect(self.set_colours)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_link_highlighted)
        self.page_title = ""
        self._spoken_link: tuple[str, str] | None = None
        self.set_caret_browsing(enabled=True)
        self.cursorPositionChanged.connect(self._on_caret_moved)

    def set_caret_browsing(self, *, enabled: bool) -> None:
        """A text caret that arrows move by letter, word and line (F7), as in a browser.

        Screen readers read by line and word as the caret moves; without it the arrows only
        scroll.
        """
        flags = Qt.TextInteractionFlag.TextBrowserInteraction
        if enabled:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)

    def caret_browsing(self) -> bool:
        """Whether the arrows move a caret (rather than only scroll)."""
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def set_page_title(self, title: str) -> None:
        """Name the page for assistive technology (said when the article changes)."""
        self.page_title = title
        self._spoken_link = None
        self.setAccessibleDescription(title)

    def focused_link(self) -> tuple[str, str] | None:
        """``(href, text)`` of the link the keyboard is on (Tab selects a whole link)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart() + 1)
        href = probe.charFormat().anchorHref()
        return (href, cursor.selectedText()) if href else None

    def go_to_anchor(self, name: str) -> None:
        """Scroll to a heading and put the caret and the keyboard focus there."""
        self.scrollToAnchor(name)
        position = self._anchor_position(name)
        if position is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def step_heading(self, step: int) -> bool:
        """Move the caret to the next (+1) or previous (-1) heading; False if there is none."""
        cursor = self.textCursor()
        block = cursor.block().next() if step > 0 else cursor.block().previous()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip():
                target = QTextCursor(block)
                self.setTextCursor(target)
                self.ensureCursorVisible()
                level = block.blockFormat().headingLevel()
                self._say(f"Heading level {level}: {block.text().strip()}")
                return True
            block = block.next() if step > 0 else block.previous()
        return False

    def _anchor_position(self, name: str) -> int | None:
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and name in fragment.charFormat().anchorNames():
                    return fragment.position()
                iterator += 1
            block = block.next()
        return None

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once, soon after the article has first been painted."""
        watcher = _FirstPaintWatcher(callback, self.viewport())
        self.viewport().installEventFilter(watcher)

    def show_page(self, html: str, fragment: str = "") -> None:
        """Replace the page; scroll to ``fragment`` or to the top."""
        self.setExtraSelections([])
        self._html = html
        self.setHtml(html)
        if fragment:
            self.scrollToAnchor(fragment)
        else:
            self.verticalScrollBar().setValue(0)

    def highlight_terms(self, terms: list[str]) -> int:
        """Highlight words (any ending) and phrases the reader searched for; return the count."""
        selections = []
        document = self.document()
        for term in terms:
            words = term.split()
            stem = _STEM.sub("", words[-1]) if len(words[-1]) > 4 else words[-1]
            pattern = r"\b" + r"\W+".join(
                [*(re.escape(w) for w in words[:-1]), re.escape(stem) + r"\w*"])
            expression = QRegularExpression(
                pattern, QRegularExpression.PatternOption.CaseInsensitiveOption)
            cursor = document.find(expression, 0)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(self._match)
                selections.append(selection)
                cursor = document.find(expression, cursor)
        self.setExtraSelections(selections)
        if selections:
            first = selections[0].cursor
            self.setTextCursor(QTextCursor(first.block()))
            self.ensureCursorVisible()
        return len(selections)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Serve images from the pack only; nothing else is ever fetched."""
        qurl = QUrl(url) if isinstance(url, str) else url
        if qurl.scheme() != PACK_SCHEME or kind != QTextDocument.ResourceType.ImageResource:
            return None
        try:
            path = resolve_inside(self._pack_root, qurl.path())
        except UnsafePathError:
            return None
        image = QImage(str(path))
        if image.isNull():
            return None
        widest = self._column_width()
        if image.width() > widest > 0:  # a picture never runs past the text
            return image.scaledToWidth(widest, Qt.TransformationMode.SmoothTransformation)
        return image

    def _column_width(self) -> int:
        """Width of the text column in pixels."""
        margin = self.document().documentMargin()
        return int(self.viewport().width() - 2 * margin - 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep lines at a readable length by growing the side margins."""
        self._apply_readable_width(event.size().width())  # first, so one layout suffices
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Keep a readable line length when the text size changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._restyle()

    def set_colours(self, colours: Colours) -> None:
        """Paint pages in another look (a theme change), keeping the reader's place."""
        self._colours = colours
        self._match = QColor(colours.match)
        self._restyle()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the focus ring."""
        self.setForegroundRole(QPalette.ColorRole.Highlight)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide the focus ring."""
        self.setForegroundRole(QPalette.ColorRole.Base)
        super().focusOutEvent(event)

    def colours(self) -> Colours:
        """The colours pages are painted in."""
        return self._colours

    def _restyle(self) -> None:
        """Apply the style sheet again and lay the page out, at the same place."""
        self.document().setDefaultStyleSheet(article_css(self._colours, self.font()))
        if self._html:  # colours and list indents live in the style sheet: lay out again
            bar = self.verticalScrollBar()
            where = bar.value() / max(bar.maximum(), 1)
            self.setHtml(self._html)
            self.refresh_layout()
            bar.setValue(round(where * bar.maximum()))
        else:
            self.refresh_layout()

    def refresh_layout(self) -> None:
        """Recompute the readable width after a font change."""
        self._apply_readable_width(self.width())
        self.document().setTextWidth(self.viewport().width())

    def _apply_readable_width(self, width: int) -> None:
        # Narrow the viewport rather than the document: switching pages then costs no extra
        # layout pass, and the scroll bar stays at the window's edge.
        widest = self.fontMetrics().averageCharWidth() * READABLE_COLUMNS
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        available = width - 2 * self.frameWidth() - scroll_bar
        margin = int(max(0, (available - widest - 2 * self.document().documentMargin()) // 2))
        if self._side_margin != margin and not self._adjusting:
            self._adjusting = True  # setting margins sends a resize event back here
            try:
                self._side_margin = margin
                self.setViewportMargins(margin, 0, margin, 0)
            finally:
                self._adjusting = False

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's signature
        """Tab and Shift+Tab go from link to link: say each one (Qt's view emits nothing)."""
        moved = super().focusNextPrevChild(next)
        self._on_caret_moved()
        return moved

    def _on_caret_moved(self) -> None:
        """Say which link the keyboard reached (Qt's view says nothing by itself)."""
        link = self.focused_link()
        if link == self._spoken_link:
            return
        self._spoken_link = link
        if link is None:
            self.setAccessibleDescription(self.page_title)
            return
        href, text = link
        self._say(describe_link(href, text, self.link_policy))
        self._on_link_highlighted(QUrl(href))  # a glossary word explains itself, as on hover

    def _say(self, said: str) -> None:
        tell(self, said, interrupt=True)  # the answer to the key just pressed

    def _on_link_highlighted(self, url: QUrl) -> None:
        href = url.toString()
        prefix = f"{ARTICLE_SCHEME}:{GLOSSARY_ID}#"
        anchor = href[len(prefix):] if href.startswith(prefix) else ""
        self.term_highlighted.emit(anchor)
        cursor = self.textCursor()
        if anchor and cursor.hasSelection():  # reached by Tab: show what hovering would show
            tip = cursor.charFormat().toolTip()
            if tip:
                where = self.viewport().mapToGlobal(self.cursorRect(cursor).bottomLeft())
                QToolTip.showText(where, tip, self)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        decision = route_link(url.toString(), self.link_policy)
        if decision.action is LinkAction.SCROLL_TO_ANCHOR:
            self.scrollToAnchor(decision.fragment)
        elif decision.action is LinkAction.OPEN_LOCATION:
            self.location_requested.emit(decision.target, decision.fragment)
        elif decision.action is LinkAction.OPEN_EXTERNAL:
            self.external_link_requested.emit(decision.target)
        elif decision.action is LinkAction.SHOW_ADDRESS:
            self.address_requested.emit(decision.target)
        elif decision.action is LinkAction.SHOW_TERM:
            self.term_requested.emit(decision.fragment)
