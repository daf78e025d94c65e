"""Handouts for the doctor: an article, the whole guide or the reader's questions, for paper.

Everything here is HTML and plain data; :mod:`guide.ui.printing` lays it out on pages with
a footer (the disclaimer's first statement, the date printed, "Page 2 of 5") and prints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from guide.colours import DEFAULT_ACCENT, Colours, callout_css
from guide.glossary import GLOSSARY_ID
from guide.locations import UnsafePathError, bundled_dir, resolve_inside
from guide.model import Article, Pack, Source
from guide.paper_html import first_statement, paper_html
from guide.questions import OTHER_QUESTIONS, QUESTIONS_TITLE, Question, grouped
from guide.render import DRAFT_BADGE, Renderer, format_date

NORMAL_PRINT_PT = 11.0
LARGE_PRINT_PT = 16.5
"""Large print: 150% of the normal size."""
DISCLAIMER_MIN_WORDS = 10
"""The footer quotes the disclaimer's first paragraph of at least this many words."""
LOGO_URL = "handout:logo"
"""Where the letterhead's ``<img>`` asks for the edition's logo."""
LOGO_HEIGHT = 44


@dataclass(frozen=True)
class Part:
    """An article in a printed document: where it starts (``anchor``) and its title."""

    anchor: str
    title: str
    article_id: str


@dataclass(frozen=True)
class Handout:
    """A document to print, with what goes at the foot of every page."""

    title: str
    """What the document is (the PDF's title; the running header of pages 2 and on)."""
    html: str
    notice: str
    """Inline HTML at the foot of every page: the disclaimer's first statement."""
    credit: str
    """Plain text beside the page number: the date printed, the edition and the guide."""
    edition: str = ""
    """The edition's name and version, at the top of pages 2 and on (and the PDF's creator)."""
    logo: Path | None = None
    """The picture for :data:`LOGO_URL` (``None``: no logo)."""
    parts: tuple[Part, ...] = ()
    """The articles of a whole-guide document, in order (the running header names them)."""
    one_page: bool = False
    """Shrink the text (down to a readable minimum) to fit on one page."""


PRINT_COLOURS = Colours.light(DEFAULT_ACCENT)
"""Paper is white whatever the screen's look: call-outs print in the light look's colours."""


def handout_css(base_pt: float) -> str:
    """The printed page's style sheet, sized from the body text's point size."""

    def pt(factor: float) -> str:
        return f"{base_pt * factor:.1f}pt"

    return f"""
body {{ color: #1b1f23; }}
h1 {{ font-size: {pt(1.75)}; font-weight: 600; margin-top: 0px; margin-bottom: 4px; }}
h1.part {{ page-break-before: always; }}
h1.in-article {{ font-size: {pt(1.35)}; margin-top: 14px; }}
h2 {{ font-size: {pt(1.3)}; font-weight: 600; margin-top: 16px; margin-bottom: 4px; }}
h3 {{ font-size: {pt(1.12)}; font-weight: 600; margin-top: 12px; margin-bottom: 2px; }}
h4, h5, h6 {{ font-size: {pt(1.0)}; font-weight: 600; margin-top: 10px; margin-bottom: 2px; }}
p {{ margin-top: 4px; margin-bottom: 6px; line-height: 125%; }}
li {{ margin-bottom: 3px; line-height: 125%; }}
.summary {{ font-size: {pt(1.12)}; color: #33414c; margin-bottom: 4px; }}
.status {{ color: #33414c; margin-bottom: 8px; }}
.draft {{ font-weight: 600; color: #6b4a00; }}
.reviewed {{ font-weight: 600; color: #1f5130; }}
.evidence {{ color: #33414c; }}
.edition {{ font-size: {pt(1.2)}; font-weight: 600; }}
.pack {{ color: #33414c; }}
.callout-title {{ font-weight: 700; margin-top: 0px; }}
td.callout-body {{ padding: 6px 12px 2px 12px; }}
table.callout {{ margin-top: 6px; margin-bottom: 8px; }}
table.data {{ margin-top: 6px; margin-bottom: 8px; border-color: #8d9aa4; }}
table.data td, table.data th {{ padding: 3px 6px; }}
th {{ background-color: #eef2f5; text-align: left; }}
ol.sources li {{ font-size: {pt(0.9)}; }}
.broken {{ color: #8a2c24; }}
blockquote {{ color: #33414c; }}
code, pre {{ font-family: monospace; }}
td.contents-section {{ font-weight: 600; padding-top: 8px; }}
td.contents-page {{ color: #33414c; }}
.blank {{ color: #5c6770; }}
ol.questions li {{ margin-bottom: 6px; }}
""" + callout_css(PRINT_COLOURS)


class HandoutWriter:
    """Makes :class:`Handout` documents for one pack, dated ``printed``."""

    def __init__(self, pack: Pack, renderer: Renderer, printed: dt.date) -> None:
        self.pack = pack
        self.renderer = renderer
        self.printed = printed

    # -- the documents --------------------------------------------------------------------

    def article(self, article_id: str) -> Handout:
        """One article for the doctor: letterhead, header, body, sources.

        Raises :class:`KeyError` for an id the pack does not have.
        """
        article = self.pack.articles[article_id]
        html = self._letterhead() + self._article_html(article)
        return self._handout(article.title, html)

    def whole_guide(self, page_numbers: Mapping[str, int] | None = None) -> Handout:
        """Every article, each from a new page, after a contents page.

        ``page_numbers`` (anchor -> page) fills in the contents; lay the document out once
        without them to learn where each article starts.
        """
        ids = [i for i in self.pack.outline.article_ids() if i in self.pack.articles]
        parts = tuple(Part(f"part-{n}", self.pack.articles[i].title, i)
                      for n, i in enumerate(ids, 1))
        pages = page_numbers or {}
        body = [self._letterhead(), f"<h1>{escape(self.pack.title)}</h1>",
                (f'<p class="summary">{len(parts)} articles. Printed '
                 f"{format_date(self.printed)}.</p>"),
                self._contents_html(parts, pages)]
        for part in parts:
            article = self.pack.articles[part.article_id]
            body.append(self._article_html(article, anchor=part.anchor))
        return self._handout(self.pack.title, "\n".join(body), parts=parts)

    def questions(self, questions: Sequence[Question]) -> Handout:
        """The reader's questions, grouped by article, on one page if they fit."""
        parts = [self._letterhead(), f"<h1>{QUESTIONS_TITLE}</h1>",
                 ('<p class="blank">Appointment with: ______________________ '
                  "&nbsp; Date: ______________</p>")]
        if not questions:
            parts.append("<p>You have not added any questions yet.</p>")
        for article_id, items in grouped(questions):
            article = self.pack.articles.get(article_id)
            heading = article.title if article else OTHER_QUESTIONS if not article_id \
                else f"{article_id} (no longer in this guide)"
            entries = "".join(f"<li>{escape(q.text)}</li>" for q in items)
            parts.append(f'<h3>{escape(heading)}</h3><ol class="questions">{entries}</ol>')
        return self._handout(QUESTIONS_TITLE, "\n".join(parts), one_page=True)

    # -- pieces ---------------------------------------------------------------------------

    def _handout(self, title: str, html: str, *, parts: tuple[Part, ...] = (),
                 one_page: bool = False) -> Handout:
        edition = self.pack.edition
        # the date first: a narrow footer shortens the end of the line, never the date
        credit = (f"Printed {format_date(self.printed)} \u00b7 "
                  f"{edition.name_and_version()} \u00b7 {self.pack.title}")
        return Handout(title=title, html=html, notice=self.notice(), credit=credit,
                       edition=edition.name_and_version(),
                       logo=self.logo_path(), parts=parts, one_page=one_page)

    def notice(self) -> str:
        """The disclaimer's first statement, as inline HTML for the foot of every page."""
        html = self.renderer.markdown_to_html(self.pack.disclaimer.text)
        return paper_html(first_statement(html, DISCLAIMER_MIN_WORDS))

    def logo_path(self) -> Path | None:
        """The edition's logo, else its icon, else the app's own icon."""
        edition = self.pack.edition
        for relative in (edition.logo, edition.icon):
            if relative:
                try:
                    path = resolve_inside(self.pack.root, relative)
                except UnsafePathError:
                    continue
                if path.is_file():
                    return path
        default = bundled_dir("resources") / "icons" / "health-guide.svg"
        return default if default.is_file() else None

    def _letterhead(self) -> str:
        edition = self.pack.edition
        logo = (f'<td width="{LOGO_HEIGHT + 12}" valign="middle"><img src="{LOGO_URL}" '
                f'height="{LOGO_HEIGHT}" alt=""></td>' if self.logo_path() else "")
        publisher = (f'<br><span class="pack">{escape(self.pack.publisher)}</span>'
                     if self.pack.publisher else "")
        return (
            '<table class="letterhead" width="100%" cellspacing="0" cellpadding="0" '
            f'border="0"><tr>{logo}<td valign="middle">'
            f'<span class="edition">{escape(edition.app_name)}</span><br>'
            f'<span class="pack">{escape(self.pack.title)}</span>{publisher}</td></tr></table>'
            "<hr>"
        )

    def _article_html(self, article: Article, anchor: str = "") -> str:
        start = f'<h1 class="part"><a name="{escape(anchor)}"></a>' if anchor else "<h1>"
        parts = [f"{start}{escape(article.title)}</h1>"]
        if article.error:
            parts.append(f'<p class="broken">This article cannot be printed: '
                         f"{escape(article.error)}</p>")
            return "\n".join(parts)
        if article.summary:
            parts.append(f'<p class="summary">{escape(article.summary)}</p>')
        parts.append(_status_html(article))
        if article.evidence:
            parts.append(f'<p class="evidence"><b>How strong is the evidence?</b> '
                         f"{escape(article.evidence)}</p>")
        body = self.renderer.render(article.body, article.id).html
        parts.append(paper_html(body))
        if article.id != GLOSSARY_ID:
            parts.append(sources_html(article.sources))
        return "\n".join(parts)

    def _contents_html(self, parts: Sequence[Part], pages: Mapping[str, int]) -> str:
        rows = []
        section = None
        for part in parts:
            section_id = part.article_id.rpartition("/")[0]
            if section_id != section:
                section = section_id
                title = self.pack.outline.section_title(section_id)
                if title:
                    rows.append(f'<tr><td class="contents-section" colspan="2">'
                                f"{escape(title)}</td></tr>")
            page = pages.get(part.anchor)
            rows.append(f"<tr><td>{escape(part.title)}</td>"
                        f'<td class="contents-page" align="right" width="48">'
                        f'{page if page else "&nbsp;"}</td></tr>')
        return ('<h2>Contents</h2><table class="contents" width="100%" cellspacing="0" '
                f'cellpadding="2" border="0">{"".join(rows)}</table>')


def _status_html(article: Article) -> str:
    if article.is_draft:
        items = [f'<span class="draft">{escape(DRAFT_BADGE)}</span>']
    else:
        items = [f'<span class="reviewed">Reviewed by {escape(article.reviewed_by)}</span>']
    if article.last_reviewed:
        label = "Last edited" if article.is_draft else "Last reviewed"
        items.append(f"{label} {format_date(article.last_reviewed)}")
    if article.next_review:
        items.append(f"next review due {format_date(article.next_review)}")
    return '<p class="status">' + " \u00b7 ".join(items) + "</p>"


def source_text(source: Source) -> str:
    """A source as HTML for paper: publisher, title, year, then its full address."""
    parts = []
    if source.publisher:
        parts.append(escape(source.publisher) + ".")
    parts.append(f"<i>{escape(source.title)}</i>" + (f" ({source.year})." if source.year else "."))
    if source.doi:
        parts.append(escape(f"https://doi.org/{source.doi}"))
    if source.url:
        parts.append(escape(source.url))
    return " ".join(parts)


def sources_html(sources: Sequence[Source]) -> str:
    """The "Sources" list with every address written out (a printed link cannot be clicked)."""
    if not sources:
        return '<h2>Sources</h2><p class="broken">This article lists no sources.</p>'
    items = "".join(f"<li>{source_text(s)}</li>" for s in sources)
    return f'<h2>Sources</h2><ol class="sources">{items}</ol>'
