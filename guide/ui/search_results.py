"""The search results list: title, section, the words matched, and a snippet of the text."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from guide.colours import Colours
from guide.sanitise import html_to_text
from guide.search import Hit
from guide.ui import theme

LINES_PER_RESULT = 5
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """A list of :class:`Hit` objects."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        """Replace the results."""
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of results."""
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title, an accessible description, rich text and article id."""
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role in {Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole}:
            return spoken_text(hit)
        if role == HTML_ROLE:  # colours come from the theme when painted (see result_css)
            section = f'<br><span class="section">{escape(hit.section)}</span>' \
                if hit.section else ""
            why = f'<br><span class="why"><i>{escape(matched_words(hit))}</i></span>' \
                if matched_words(hit) else ""
            snippet = f"<br>{hit.snippet_html}" if hit.snippet_html else ""
            return f"<b>{escape(hit.title)}</b>{section}{why}{snippet}"
        if role == ARTICLE_ID_ROLE:
            return hit.article_id
        return None


def spoken_text(hit: Hit) -> str:
    """What a screen reader says for a result: title, section, why it is shown, the snippet."""
    where = f", in {hit.section}" if hit.section else ""
    missing = f" Not found: {', '.join(hit.missed)}." if hit.missed else ""
    why = f" {matched_words(hit)}.{missing}" if matched_words(hit) else ""
    return f"{hit.title}{where}.{why} {html_to_text(hit.snippet_html)}".strip()


def matched_words(hit: Hit) -> str:
    """Which of the reader's words a result matched, when they typed more than one.

    The words it lacks are left to the tooltip and the accessible name: the row has room
    for one line of them, and the status line says when results lack some.
    """
    if len(hit.matched) + len(hit.missed) < 2:
        return ""
    return f"Matches: {', '.join(hit.matched)}"


class _RichTextDelegate(QStyledItemDelegate):
    """Paints each result as a small HTML document that wraps to the list's width."""

    MARGIN = 8

    def _document(self, option: QStyleOptionViewItem, index: Index,
                  css: str = "") -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(css)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(option.rect.width() - 2 * self.MARGIN, 80))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the selection background, then the rich text in the theme's colours."""
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # one colour on a selection; the section and words matched quieter on the panel
        document = self._document(option, index, "" if selected else result_css(theme.current()))
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text,
                                 option.palette.color(_colour_group(option), role))
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + self.MARGIN, rect.top() + self.MARGIN // 2)
        visible = _whole_lines_height(document, rect.height() - self.MARGIN)
        painter.setClipRect(QRectF(0, 0, rect.width(), visible))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: ARG002
        """Room for a title, the section and three more lines (every row the same).

        The three lines hold the words matched, when the reader typed several, and a snippet.

        Equal rows let the list lay out fifty results without measuring each one, which
        keeps typing fast; the full text is in the tooltip and the accessible name.
        """
        line = option.fontMetrics.lineSpacing()
        return QSize(200, line * LINES_PER_RESULT + self.MARGIN * 2)


def _whole_lines_height(document: QTextDocument, limit: float) -> float:
    """Height of the text lines that fit completely within ``limit`` (no half lines)."""
    layout = document.documentLayout()
    bottom = 0.0
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line_bottom = top + text_layout.lineAt(number).rect().bottom()
            if line_bottom > limit:
                return bottom
            bottom = line_bottom
        block = block.next()
    return bottom


def result_css(colours: Colours) -> str:
    """Colours of the parts of a result that is not selected (the title and snippet use ink)."""
    return f".section, .why {{ color: {colours.muted}; }}"


def _colour_group(option: QStyleOptionViewItem) -> QPalette.ColorGroup:
    """The palette group the style painted the row's background from, so text matches it.

    A selected row of a list without the keyboard is painted from the inactive group (a
    quieter selection with its own ink), like Fusion's ``PE_PanelItemViewItem``.
    """
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    if not option.state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Inactive
    return QPalette.ColorGroup.Active


class SearchResultsView(QListView):
    """The results list (one selection; keyboard and screen-reader friendly)."""

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setAccessibleName("Search results")
        self.setModel(model)
        self.setItemDelegate(_RichTextDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(2)

    def results_model(self) -> SearchResultsModel:
        """The model shown."""
        model = self.model()
        assert isinstance(model, SearchResultsModel)
        return model

    def move_selection(self, step: int) -> None:
        """Move the current result by ``step`` rows, staying inside the list."""
        count = self.model().rowCount()
        if not count:
            return
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        row = min(max(row + step, 0), count - 1)
        self.setCurrentIndex(self.model().index(row, 0))

    def current_article_id(self) -> str:
        """Article id of the current result ("" if none)."""
        index = self.currentIndex()
        value = index.data(ARTICLE_ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else ""
