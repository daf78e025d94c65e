"""Lays a :class:`~guide.handout.Handout` out on paper and prints it, or saves it as a PDF.

The body is one :class:`QTextDocument` paginated by Qt (no line is ever cut between two
pages; ``page-break-before`` starts each article of a whole guide on a new page). Every page
gets a footer drawn around it: the disclaimer's first statement, what was printed and when,
and "Page 2 of 5"; pages after the first also name the document at the top.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter

from guide.handout import (
    LARGE_PRINT_PT,
    LOGO_URL,
    NORMAL_PRINT_PT,
    Handout,
    HandoutWriter,
    handout_css,
)
from guide.links import PACK_SCHEME
from guide.locations import UnsafePathError, resolve_inside

PAGE_MARGINS_MM = QMarginsF(18, 14, 18, 12)
"""Left, top, right, bottom: room for a hole punch and any printer's unprintable edge."""
SMALLEST_ONE_PAGE_PT = 8.5
"""A one-page document shrinks its text to fit, but never below this (large print: x1.5)."""
_MUTED = QColor("#4d5963")
_RULE = QColor("#9aa5ae")
_MEND_ATTEMPTS = 20
_CONTENTS_ATTEMPTS = 4
_SLACK = 0.5  # device pixels of rounding in where Qt puts a line
_LOGO_PIXELS = 512  # the logo is drawn about 12 mm tall: enough pixels for 1,200 dpi


class HandoutDocument(QTextDocument):
    """A handout's text; pictures come from the pack (and the logo), never from elsewhere."""

    def __init__(self, pack_root: Path, logo: Path | None, widest_picture: int) -> None:
        super().__init__()
        self._pack_root = pack_root
        self._logo = logo
        self._widest = widest_picture

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """The logo and the pack's pictures, each no wider than the page."""
        if kind != QTextDocument.ResourceType.ImageResource:
            return None
        qurl = QUrl(url) if isinstance(url, str) else url
        if qurl.toString() == LOGO_URL:
            return _logo_image(self._logo) if self._logo else None
        if qurl.scheme() != PACK_SCHEME:
            return None
        try:
            path = resolve_inside(self._pack_root, qurl.path())
        except UnsafePathError:
            return None
        image = QImage(str(path))
        if image.isNull():
            return None
        if image.width() > self._widest > 0:
            return image.scaledToWidth(self._widest, Qt.TransformationMode.SmoothTransformation)
        return image


def _logo_image(path: Path) -> QImage | None:
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and size.height() < _LOGO_PIXELS:  # vector logos: draw them sharp
        width = max(1, round(size.width() * _LOGO_PIXELS / max(1, size.height())))
        reader.setScaledSize(QSize(width, _LOGO_PIXELS))
    image = reader.read()
    return None if image.isNull() else image


def _print_font(point_size: float) -> QFont:
    """The application's font at ``point_size``, without ligatures.

    A ligature turns "fl" into one glyph, and a PDF reader then copies "leaﬂet": printed
    web addresses must copy as they are written.
    """
    font = QFont()
    font.setPointSizeF(point_size)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _indent_css(point_size: float, scale: float) -> str:
    """Left indents, in the printer's pixels (Qt does not scale these to the device).

    The renderer may write "•" and "1." into list items (classes ``m1``-``m4``, ``n1``-``n4``
    and ``c1``-``c4``, see ``guide/list_markers.py``) so that screen readers read them; Qt's
    own markers are then turned off and the items get a hanging indent here.
    """
    metrics = QFontMetricsF(_print_font(point_size))

    def px(value: float) -> int:
        return round(value * scale)

    step = metrics.averageCharWidth() * 2.5
    bullet = metrics.horizontalAdvance("\u2022\u00a0") + 2
    number = metrics.horizontalAdvance("88.\u00a0") + 2
    rules = ["ul.marked, ol.marked { list-style-type: none; -qt-list-indent: 0; }",
             f"blockquote {{ margin-left: {px(step)}px; }}"]
    for depth in range(1, 5):
        indent = step * (depth - 1) + step / 2
        rules += [
            (f"li.m{depth}, p.m{depth} {{ margin-left: {px(indent + bullet)}px; "
             f"text-indent: -{px(bullet)}px; }}"),
            (f"li.n{depth}, p.n{depth} {{ margin-left: {px(indent + number)}px; "
             f"text-indent: -{px(number)}px; }}"),
            f"p.c{depth} {{ margin-left: {px(indent + bullet)}px; }}",
        ]
    return "\n".join(rules) + "\n"


@dataclass(frozen=True)
class LineCut:
    """A line of text that runs over the bottom of a page (there should be none)."""

    text: str
    top: float
    bottom: float
    block_position: int
    """Where the line's paragraph starts in the document."""
    first_line: bool


class HandoutLayout:
    """A handout laid out for one paged device (a printer or a PDF file).

    ``large`` prints at :data:`~guide.handout.LARGE_PRINT_PT` instead of the normal size.
    """

    def __init__(self, handout: Handout, pack_root: Path, device: QPagedPaintDevice,
                 *, large: bool = False) -> None:
        self.handout = handout
        self.device = device
        self.large = large
        layout = device.pageLayout()
        paint_rect = layout.paintRectPixels(device.logicalDpiX())
        self.width = float(paint_rect.width())
        self.height = float(paint_rect.height())
        self._pack_root = pack_root
        base = LARGE_PRINT_PT if large else NORMAL_PRINT_PT
        self.base_pt = base
        self._build(base)
        if handout.one_page:
            smallest = SMALLEST_ONE_PAGE_PT * (LARGE_PRINT_PT / NORMAL_PRINT_PT if large else 1)
            while self.document.pageCount() > 1 and self.base_pt - 0.5 >= smallest:
                self._build(self.base_pt - 0.5)

    # -- layout ---------------------------------------------------------------------------

    def _build(self, base_pt: float) -> None:
        self.base_pt = base_pt
        small_pt = max(7.5, base_pt * 0.72)
        self._small = _print_font(small_pt)
        self.header_height = self._line_height(self._small) * 1.9
        self._notice = self._text_document(self.handout.notice, small_pt)
        self.footer_height = (self._notice.size().height() + self._line_height(self._small) * 2.2)
        # whole device pixels: Qt places lines on a grid of 1/64 pixel, which then fits
        body_height = float(math.floor(self.height - self.header_height - self.footer_height))
        dpi = self.device.logicalDpiX()
        self.document = HandoutDocument(self._pack_root, self.handout.logo,
                                        int(self.width * 96 / dpi))
        self.document.documentLayout().setPaintDevice(self.device)
        self.document.setUseDesignMetrics(True)
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(_print_font(base_pt))
        self.document.setDefaultStyleSheet(
            handout_css(base_pt) + _indent_css(base_pt, self.device.logicalDpiX() / 96))
        self.document.setHtml(self.handout.html)
        self.document.setPageSize(QSizeF(self.width, body_height))
        self.body_height = body_height
        self._mend_cut_lines()

    def _mend_cut_lines(self) -> None:
        """Start a paragraph whose first line a page break would cut on the next page.

        Qt's layout sometimes leaves the first line after a table running over the foot of
        a page; everywhere else it already moves such lines.
        """
        for _attempt in range(_MEND_ATTEMPTS):
            cuts = [cut for cut in self.cut_lines() if cut.first_line]
            if not cuts:
                return
            page_break = QTextBlockFormat()
            page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            for cut in cuts:
                cursor = QTextCursor(self.document.findBlock(cut.block_position))
                cursor.mergeBlockFormat(page_break)

    def _text_document(self, html: str, point_size: float) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setUseDesignMetrics(True)
        document.setDocumentMargin(0)
        document.setDefaultFont(_print_font(point_size))
        document.setDefaultStyleSheet(f"p {{ color: {_MUTED.name()}; margin: 0px; }}")
        document.setHtml(f"<p>{html}</p>" if html else "")
        document.setTextWidth(self.width)
        return document

    def _line_height(self, font: QFont) -> float:
        return QFontMetricsF(font, self.device).lineSpacing()

    @property
    def page_count(self) -> int:
        """How many pages the handout takes."""
        return self.document.pageCount()

    def page_of(self, y: float) -> int:
        """The page (from 1) holding the body's point ``y``."""
        return int(y // self.body_height) + 1

    def anchor_pages(self) -> dict[str, int]:
        """The page each named anchor of the body is on."""
        pages: dict[str, int] = {}
        layout = self.document.documentLayout()
        block = self.document.firstBlock()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                names = fragments.fragment().charFormat().anchorNames()
                if names:
                    top = layout.blockBoundingRect(block).top()
                    for name in names:
                        pages.setdefault(name, self.page_of(top + _SLACK))
                fragments += 1
            block = block.next()
        return pages

    def cut_lines(self) -> list[LineCut]:
        """Lines that a page break would cut in two (for tests: there should be none)."""
        cuts = []
        layout = self.document.documentLayout()
        layout.documentSize()  # lay the whole document out first: Qt does it bit by bit
        block: QTextBlock = self.document.firstBlock()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                line_top = top + line.y()
                line_bottom = line_top + line.height()
                start, length = line.textStart(), line.textLength()
                text = block.text()[start:start + length]
                if text.strip() and self.page_of(line_top + _SLACK) != self.page_of(
                        line_bottom - _SLACK):  # an empty line shows nothing to cut
                    cuts.append(LineCut(text, line_top, line_bottom, block.position(),
                                        number == 0))
            block = block.next()
        return cuts

    def running_title(self, page: int, starts: dict[str, int]) -> str:
        """What the top of ``page`` names: the article printed there, or the document."""
        title = self.handout.title
        for part in self.handout.parts:
            if starts.get(part.anchor, math.inf) <= page:
                title = part.title
        return title

    # -- painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, *, first: int = 1, last: int = 0) -> None:
        """Paint pages ``first`` to ``last`` (0: to the end), starting a new page between."""
        last = min(last or self.page_count, self.page_count)
        starts = self.anchor_pages() if self.handout.parts else {}
        for page in range(first, last + 1):
            if page > first:
                new_page = getattr(self.device, "newPage", None)
                if new_page is not None:
                    new_page()
            self.paint_page(painter, page, starts)

    def paint_page(self, painter: QPainter, page: int,
                   starts: dict[str, int] | None = None) -> None:
        """Paint one page (from 1) at the painter's origin, the top left of the printed area.

        ``starts`` is :meth:`anchor_pages`, for the running header of a whole guide.
        """
        if starts is None:
            starts = self.anchor_pages() if self.handout.parts else {}
        # top to bottom, so that text read back from the PDF comes in reading order
        line_height = self._line_height(self._small)
        rule = QPen(_RULE, max(1.0, self.device.logicalDpiX() / 200))
        painter.save()
        painter.setFont(self._small)
        if page > 1:
            painter.setPen(_MUTED)
            title_rect = QRectF(0, 0, self.width * 0.7, line_height)
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(
                                 self.running_title(page, starts), Qt.TextElideMode.ElideRight,
                                 int(title_rect.width())))
            painter.drawText(QRectF(self.width * 0.7, 0, self.width * 0.3, line_height),
                             Qt.AlignmentFlag.AlignRight, self.handout.edition)
            painter.setPen(rule)
            painter.drawLine(0, round(line_height * 1.25), round(self.width),
                             round(line_height * 1.25))
        painter.restore()

        painter.save()
        painter.translate(0, self.header_height - (page - 1) * self.body_height)
        clip = QRectF(0, (page - 1) * self.body_height, self.width, self.body_height)
        self.document.drawContents(painter, clip)
        painter.restore()

        painter.save()
        painter.setFont(self._small)
        footer_top = self.height - self.footer_height + line_height * 0.5
        painter.setPen(rule)
        painter.drawLine(0, round(footer_top), round(self.width), round(footer_top))
        painter.translate(0, footer_top + line_height * 0.4)
        self._notice.drawContents(painter)
        painter.translate(0, self._notice.size().height() + line_height * 0.3)
        painter.setPen(_MUTED)
        number = f"Page {page} of {self.page_count}"
        number_width = painter.fontMetrics().horizontalAdvance(number) + line_height
        painter.drawText(QRectF(0, 0, self.width - number_width, line_height),
                         Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(
                             self.handout.credit, Qt.TextElideMode.ElideRight,
                             int(self.width - number_width)))
        bold = QFont(self._small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1b1f23"))
        painter.drawText(QRectF(0, 0, self.width, line_height), Qt.AlignmentFlag.AlignRight,
                         number)
        painter.restore()


def new_pdf_printer(path: Path) -> QPrinter:
    """A printer that writes a PDF file (A4 or Letter, as this computer's locale uses)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def laid_out(handout: Handout, pack_root: Path, printer: QPrinter, *,
             large: bool = False) -> HandoutLayout:
    """Set the printer up for a handout (margins, document name) and lay it out for it."""
    printer.setPageMargins(PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName(handout.title)
    printer.setCreator(handout.edition)
    return HandoutLayout(handout, pack_root, printer, large=large)


def laid_out_guide(writer: HandoutWriter, printer: QPrinter, *,
                   large: bool = False) -> HandoutLayout:
    """The whole guide, with the page each article starts on in its contents.

    It is laid out again with the numbers it found until they are right (the numbers fill
    cells that were blank, so the second time normally settles it).
    """
    root = writer.pack.root
    layout = laid_out(writer.whole_guide(), root, printer, large=large)
    numbers: dict[str, int] = {}
    for _attempt in range(_CONTENTS_ATTEMPTS):
        found = layout.anchor_pages()
        if found == numbers:
            break
        numbers = found
        layout = laid_out(writer.whole_guide(numbers), root, printer, large=large)
    return layout


def print_layout(layout: HandoutLayout, printer: QPrinter) -> int:
    """Print a laid-out handout (the printer's page range, if set); returns its page count.

    Raises :class:`OSError` when the printer (or the PDF file) could not be opened.
    """
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName() or "the printer"
        message = f"could not write to {target}"
        raise OSError(message)
    try:
        layout.paint(painter, first=printer.fromPage() or 1, last=printer.toPage())
    finally:
        painter.end()
    return layout.page_count


def save_pdf(handout: Handout, pack_root: Path, path: Path, *, large: bool = False) -> int:
    """Write a handout to a PDF file; returns how many pages it took (raises OSError)."""
    printer = new_pdf_printer(path)
    return print_layout(laid_out(handout, pack_root, printer, large=large), printer)
