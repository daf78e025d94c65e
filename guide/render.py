"""Render articles, the facts page and the disclaimer from Markdown to sanitised HTML."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape, unescape

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from guide.article_size import SHOWN_LIMIT, describe_size, shown_part
from guide.colours import CALLOUT_KINDS
from guide.edition_pages import contact_html, logo_html
from guide.glossary import GLOSSARY_ID, Glossary
from guide.links import (
    ARTICLE_SCHEME,
    EXTERNAL_MARK,
    FACTS_PAGE,
    PACK_SCHEME,
    article_link_target,
    is_external,
    refused_scheme,
    resolve_relative,
    split_fragment,
)
from guide.list_markers import mark_lists, marked_items
from guide.locations import UnsafePathError, resolve_inside
from guide.markdown_dialect import extension, new_markdown
from guide.markdown_headings import HeadingsExtension
from guide.markdown_html import RawHtmlExtension
from guide.model import Article, Fact, Heading, Pack, Source, contents_headings
from guide.pack_layout import ARTICLES_DIR
from guide.sanitise import keeps_address, sanitise

DRAFT_BADGE = "Draft \u2013 not yet reviewed by a clinician"
TOC_MIN_HEADINGS = 4
"""Articles with at least this many top-level headings get an "On this page" list."""



def format_date(value: dt.date) -> str:
    """A date as readers write it: ``27 November 2026``."""
    return f"{value.day} {value:%B %Y}"


@dataclass(frozen=True)
class Rendered:
    """An article body as HTML, with the headings its anchors were made from."""

    html: str
    headings: tuple[Heading, ...]


class _GuideTreeprocessor(Treeprocessor):
    """Rewrites links and pictures for the app and turns boxes into framed tables."""

    def __init__(self, md: markdown.Markdown, extension: GuideExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        self._drop_repeated_title(root)
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                replacement = self._rewrite(element)
                if replacement is not element:
                    parent.remove(element)
                    parent.insert(index, replacement)
                _decorate(element)
                if element.tag == "p" and self._holds_one_picture(element):
                    element.set("class", "picture")  # no line spacing below the picture
        if self.extension.article_id != GLOSSARY_ID:
            marker = _GlossaryMarker(self.extension.pack.glossary)
            article = self.extension.pack.articles.get(self.extension.article_id)
            if article is not None:  # the page about a term does not link it to the glossary
                marker.marked.update(self.extension.pack.glossary.terms_in(article.title))
            marker.mark(root)
        mark_lists(root)

    def _drop_repeated_title(self, root: ET.Element) -> None:
        """Leave out a first ``# Title`` that repeats the article's title (imported pages)."""
        article = self.extension.pack.articles.get(self.extension.article_id)
        first = root[0] if len(root) else None
        if (article is not None and first is not None and first.tag == "h1"
                and "".join(first.itertext()).strip().casefold() == article.title.casefold()):
            root.remove(first)

    def _holds_one_picture(self, paragraph: ET.Element) -> bool:
        """Whether ``paragraph`` holds a picture and nothing else (Markdown or ``<img>``)."""
        if len(paragraph) == 1 and paragraph[0].tag == "img":
            return not (paragraph.text or "").strip() and not (paragraph[0].tail or "").strip()
        text = (paragraph.text or "").strip()
        stash = None if len(paragraph) else HTML_PLACEHOLDER_RE.fullmatch(text)
        if stash is None:
            return False
        raw = self.md.htmlStash.rawHtmlBlocks[int(stash.group(1))]
        return isinstance(raw, str) and raw.lstrip().lower().startswith("<img")

    def _rewrite(self, element: ET.Element) -> ET.Element:
        """The element to show instead of ``element`` (itself, perhaps changed)."""
        if element.tag == "a" and "href" in element.attrib:
            self._rewrite_link(element)
        elif element.tag == "img":
            replacement = self._rewrite_image(element)
            return element if replacement is None else replacement
        elif element.tag == "div" and "admonition" in element.get("class", "").split():
            return _callout_table(element)
        elif element.tag == "details":
            return _details_table(element)
        return element

    def _rewrite_link(self, element: ET.Element) -> None:
        target = self.extension.link(_plain_href(element.get("href", "")))
        if target.href is None:
            _mark_broken(element, target)
            return
        element.set("href", target.href)
        if target.title:
            element.set("title", target.title)
        if target.external:
            element.set("class", "external")
            mark = ET.SubElement(element, "span", {"class": "external-mark"})
            mark.text = EXTERNAL_MARK

    def _rewrite_image(self, element: ET.Element) -> ET.Element | None:
        src = element.get("src", "")
        source, problem = self.extension.picture(src)
        if source is not None:
            element.set("src", source)
            return None
        span = ET.Element("span", {"class": "broken", "title": src})
        span.text = f"[Picture {problem}: {element.get('alt', '') or 'picture'}]"
        span.tail = element.tail
        return span


def _decorate(element: ET.Element) -> None:
    """Markup QTextBrowser needs to show ``element`` as a browser would."""
    if element.get("id"):  # QTextBrowser scrolls to <a name>, not to ids
        anchor = ET.Element("a", {"name": element.get("id", "")})
        anchor.tail, element.text = element.text, ""
        element.insert(0, anchor)
    if element.tag == "h1":  # smaller than the page's title above it
        element.set("class", "in-article")
    elif element.tag == "table":  # a Markdown table: ruled, like GitHub's
        element.attrib.update({"class": "data", "border": "1", "cellspacing": "0",
                               "cellpadding": "4"})
    elif element.tag == "th" and not element.get("align"):
        element.set("class", "unaligned")  # left, by the style sheet; an align wins over it


def _plain_href(href: str) -> str:
    """A link target as written: e-mail addresses come out of Python-Markdown as entities."""
    return unescape(href.replace(AMP_SUBSTITUTE, "&")) if AMP_SUBSTITUTE in href else href


@dataclass(frozen=True)
class LinkTarget:
    """Where a link goes in the app: ``href`` is ``None`` when nowhere (``title`` says why).

    A link that goes nowhere is shown as text, followed by ``note`` in brackets.
    """

    href: str | None
    title: str = ""
    external: bool = False
    note: str = "link not found"

    @property
    def broken_html(self) -> str:
        """The start of the text shown instead of a link that goes nowhere (see ``end_html``)."""
        return f'<span class="broken" title="{escape(self.title)}">'

    @property
    def end_html(self) -> str:
        """What closes :attr:`broken_html` after the link's text."""
        return f'<span class="broken-note"> ({escape(self.note)})</span></span>'


class _GlossaryMarker:
    """Links the first use of each glossary term in a page to its definition."""

    SKIP = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.marked: set[str] = set()

    def mark(self, element: ET.Element) -> None:
        """Mark terms in ``element``'s text and, recursively, its children's."""
        if element.tag in self.SKIP or "callout-title" in element.get("class", ""):
            return
        element.text = self._split(element.text, element, 0)
        index = 0
        while index < len(element):
            child = element[index]
            self.mark(child)
            inserted_before = len(element)
            child.tail = self._split(child.tail, element, index + 1)
            index += 1 + len(element) - inserted_before

    def _split(self, text: str | None, parent: ET.Element, position: int) -> str | None:
        """Replace the first new term in ``text`` with a link; return the text before it."""
        if not text or not self.glossary.terms:
            return text
        for match in self.glossary.find(text):
            if match.term.term in self.marked:
                continue
            self.marked.add(match.term.term)
            link = ET.Element("a", {
                "href": f"{ARTICLE_SCHEME}:{GLOSSARY_ID}#{match.term.anchor}",
                "class": "term",
                "title": f"{match.term.term}: {match.term.definition}",
            })
            link.text = text[match.start : match.end]
            parent.insert(position, link)  # before marking the rest, which goes after it
            link.tail = self._split(text[match.end :], parent, position + 1)
            return text[: match.start]
        return text


def _mark_broken(element: ET.Element, target: LinkTarget) -> None:
    element.tag = "span"
    element.attrib.clear()
    element.set("class", "broken")
    element.set("title", target.title)
    note = ET.SubElement(element, "span", {"class": "broken-note"})
    note.text = f" ({target.note})"


def _framed_table(kind: str) -> tuple[ET.Element, ET.Element]:
    """A one-cell table with a coloured bar on its left, and the cell to fill.

    Colours come from the viewer's style sheet (``bar-<kind>``, ``body-<kind>``), so the same
    page serves the light, dark and high-contrast looks and print.
    """
    table = ET.Element("table", {
        "class": f"callout callout-{kind}", "width": "100%", "cellpadding": "0",
        "cellspacing": "0", "border": "0",
    })
    row = ET.SubElement(table, "tr")
    ET.SubElement(row, "td", {"width": "6", "class": f"callout-bar bar-{kind}"})
    cell = ET.SubElement(row, "td", {"class": f"callout-body body-{kind}"})
    return table, cell


def _callout_table(div: ET.Element) -> ET.Element:
    classes = div.get("class", "").split()
    kind = next((c for c in classes if c in CALLOUT_KINDS), "note")
    table, cell = _framed_table(kind)
    for child in div:
        if "admonition-title" in child.get("class", ""):
            child.set("class", "callout-title")
        cell.append(child)
    return table


def _details_table(details: ET.Element) -> ET.Element:
    """A ``<details>`` block, open, its summary as the title of a framed box."""
    table, cell = _framed_table("details")  # always open: the viewer cannot fold text
    if (details.text or "").strip():
        ET.SubElement(cell, "p").text = details.text
    for child in details:
        if child.tag == "summary":
            child.tag = "p"
            child.set("class", "callout-title")
        cell.append(child)
    return table


class GuideExtension(Extension):
    """Python-Markdown extension registered as ``guide``: links, pictures and boxes."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.article_id = ""
        self._raw_links: list[LinkTarget | None] = []
        """The author's ``<a>`` tags now open: the target of each shown as text, else None."""

    def start(self, article_id: str) -> None:
        """Begin a document written in article ``article_id``."""
        self.article_id = article_id
        self._raw_links.clear()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # after "guide_headings" (5), so headings already carry their ids
        md.treeprocessors.register(_GuideTreeprocessor(md, self), "guide", 4)
        raw_html = extension(md, RawHtmlExtension).filter
        assert raw_html is not None  # built before the extensions added last
        raw_html.rewrite = self.raw_tag

    def link(self, href: str) -> LinkTarget:
        """Where a link written in the current article goes in the app."""
        if href.startswith("#"):
            return LinkTarget(href)
        if is_external(href):
            if not keeps_address(href):
                return LinkTarget(None, f"Not a valid address: {href}",
                                  note="link does not work in this guide")
            return LinkTarget(href, f"Opens in your web browser: {href}", external=True)
        scheme = refused_scheme(href)
        if scheme is not None:
            return LinkTarget(None, f"The guide does not open {scheme}: links: {href}",
                              note="link does not work in this guide")
        target = article_link_target(self.article_id, href)
        if target is not None and target[0] in self.pack.articles:
            target_id, fragment = target
            url = f"{ARTICLE_SCHEME}:{target_id}" + (f"#{fragment}" if fragment else "")
            return LinkTarget(url, self.pack.articles[target_id].title)
        return LinkTarget(None, f"Link not found in this guide: {href}")

    def picture(self, src: str) -> tuple[str | None, str]:
        """The ``pack:`` address of a picture of the pack, or ``None`` and why not."""
        if is_external(src) or src.startswith("//"):
            return None, "not loaded: pictures from the internet are never fetched"
        resolved = resolve_relative(self.article_id, split_fragment(src)[0])
        if resolved is not None:
            relative = f"{ARTICLES_DIR}/{resolved}"
            try:
                if resolve_inside(self.pack.root, relative).is_file():
                    return f"{PACK_SCHEME}:{relative}", ""
            except UnsafePathError:
                pass
        return None, "missing from this guide"

    def raw_tag(self, name: str, attributes: dict[str, str]) -> str | None:
        """An author's ``<img>``, ``<a>`` or ``</a>`` rewritten like a Markdown picture or link."""
        if name == "img":
            source, problem = self.picture(attributes.get("src", ""))
            alt = attributes.get("alt", "")
            if source is None:
                return (f'<span class="broken" title="{escape(attributes.get("src", ""))}">'
                        f"[Picture {problem}: {escape(alt or 'picture')}]</span>")
            size = "".join(f' {key}="{escape(attributes[key])}"'
                           for key in ("width", "height") if attributes.get(key, "").isdigit())
            return f'<img src="{escape(source)}" alt="{escape(alt)}"{size}>'
        if name == "a":
            target = self.link(attributes["href"]) if "href" in attributes else None
            broken = target is not None and target.href is None
            self._raw_links.append(target if broken else None)
            if target is None:
                return None
            if target.href is None:
                return target.broken_html
            kind = ' class="external"' if target.external else ""
            return f'<a href="{escape(target.href)}" title="{escape(target.title)}"{kind}>'
        if name == "/a" and self._raw_links:
            shown_as_text = self._raw_links.pop()
            return shown_as_text.end_html if shown_as_text is not None else None
        return None


class Renderer:
    """Owns one configured Markdown converter for a pack, reset between documents."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._extension = GuideExtension(pack)
        self._md = new_markdown(self._extension)
        self._headings = extension(self._md, HeadingsExtension)

    def render(self, text: str, article_id: str = "") -> Rendered:
        """Convert one Markdown document (relative links resolved from ``article_id``)."""
        rendered = self._convert(text, article_id)
        return Rendered(sanitise(rendered.html), rendered.headings)

    def _convert(self, text: str, article_id: str) -> Rendered:
        """:meth:`render` without the sanitiser, for a page that is sanitised as a whole."""
        self._md.reset()
        self._extension.start(article_id)
        html = self._md.convert(text)
        return Rendered(html, tuple(self._headings.headings))

    def markdown_to_html(self, text: str, article_id: str = "") -> str:
        """Convert one Markdown document (relative links resolved from ``article_id``)."""
        return self.render(text, article_id).html

    def article_html(self, article: Article) -> str:
        """The whole page for an article: header, contents, body, sources, related.

        Every page leaves the renderer through the sanitiser, as a whole, so nothing taken
        from the pack (a source's address, a title) reaches the viewer around it.
        """
        if article.error:
            return self.error_html(article)
        shown = shown_part(article.body)
        body = self._convert(shown, article.id)
        parts = [logo_html(self.pack) if article.id == self.pack.home else "",
                 _header_html(article)]
        if article.evidence:
            parts.append(
                f'<p class="evidence"><b>How strong is the evidence?</b> '
                f"{escape(article.evidence)}</p>"
            )
        if shown is not article.body:
            parts.append(_too_large_html(article))
        parts.append(_contents_html(article, body.headings))
        parts.append(body.html)
        parts.append(_sources_html(article.sources))
        parts.append(self._related_html(article))
        return sanitise("\n".join(p for p in parts if p))

    def error_html(self, article: Article) -> str:
        """A calm, readable page for an article that could not be loaded."""
        return sanitise(
            f"<h1>{escape(article.title)}</h1>"
            '<table class="callout callout-warning" width="100%" cellpadding="0" '
            'cellspacing="0"><tr><td class="callout-bar bar-warning" width="6"></td>'
            '<td class="callout-body body-warning">'
            '<p class="callout-title">This article cannot be shown</p>'
            f"<p>{escape(article.error)}</p>"
            f"<p>The problem is in the file <code>{escape(article.path)}</code> of the content "
            "pack. The rest of the guide works normally. If you look after this guide, "
            "run <code>health-guide check</code> for details.</p>"
            "</td></tr></table>"
        )

    def facts_html(self) -> str:
        """The "More quick facts" page: every fact with its source."""
        items = marked_items((_fact_html(fact) for fact in self.pack.facts), ordered=False)
        return sanitise(
            "<h1>Quick facts</h1>"
            '<p class="summary">Short facts from this guide, each with the '
            "source it comes from.</p>"
            f'<ul class="facts marked">{items}</ul>'
            if items
            else "<h1>Quick facts</h1><p>This guide has no quick facts.</p>"
        )

    def contact_html(self) -> str:
        """The "About and contact" page of the edition."""
        return sanitise(contact_html(self.pack, self.markdown_to_html))

    def disclaimer_html(self) -> str:
        """The pack's disclaimer as HTML."""
        return self.markdown_to_html(self.pack.disclaimer.text)

    def _related_html(self, article: Article) -> str:
        links = [
            f'<a href="{ARTICLE_SCHEME}:{escape(rid)}">{escape(related.title)}</a>'
            for rid in article.related
            if (related := self.pack.articles.get(rid)) is not None
        ]
        if not links:
            return ""
        return (f'<h2>Related articles</h2><ul class="related marked">'
                f"{marked_items(links, ordered=False)}</ul>")


def _header_html(article: Article) -> str:
    meta = []
    if article.last_reviewed:
        # a date next to "reviewed" reads as a clinical review: only say so when one happened
        label = "Last edited" if article.is_draft else "Last reviewed"
        meta.append(f"{label} {format_date(article.last_reviewed)}")
    if article.next_review:
        meta.append(f"Next review due {format_date(article.next_review)}")
    if article.is_draft:
        badge = f'<span class="badge-draft">&nbsp;{DRAFT_BADGE}&nbsp;</span>'
    else:
        badge = (f'<span class="badge-reviewed">&nbsp;Reviewed by '
                 f"{escape(article.reviewed_by)}&nbsp;</span>")
    if article.reading_grade is not None and article.id != GLOSSARY_ID:
        meta.append(f"Reading level: grade {max(1, round(article.reading_grade))}")
    meta_html = " \u00b7 ".join(escape(m) for m in meta)
    return (
        f"<h1>{escape(article.title)}</h1>"
        + (f'<p class="summary">{escape(article.summary)}</p>' if article.summary else "")
        + f'<p class="meta">{meta_html}{"<br>" if meta_html else ""}{badge}</p>'
    )


def _too_large_html(article: Article) -> str:
    table, cell = _framed_table("warning")
    ET.SubElement(cell, "p", {"class": "callout-title"}).text = "This article is very large"
    ET.SubElement(cell, "p").text = (
        f"It is {describe_size(len(article.body.encode('utf-8')))} long, so only its first "
        f"{describe_size(SHOWN_LIMIT)} are shown here: the rest would make the guide stop "
        "responding for a long time. If you look after this guide, split it into smaller "
        "articles (health-guide check lists such articles).")
    return ET.tostring(table, encoding="unicode", method="html")


def _contents_html(article: Article, headings: tuple[Heading, ...]) -> str:
    top = contents_headings(headings)
    if len(top) < TOC_MIN_HEADINGS:
        return ""
    if article.id == GLOSSARY_ID:  # an A-Z line rather than a list of single letters
        letters = " \u00b7 ".join(f'<a href="#{escape(h.anchor)}">{escape(h.text)}</a>'
                                   for h in top)
        return f'<p class="toc-title">Jump to a letter</p><p class="letters">{letters}</p>'

    items = marked_items((f'<a href="#{escape(h.anchor)}">{escape(h.text)}</a>' for h in top),
                         ordered=False)
    return f'<p class="toc-title">On this page</p><ul class="toc marked">{items}</ul>'


def _source_html(source: Source) -> str:
    parts = []
    if source.publisher:
        parts.append(escape(source.publisher) + ".")
    parts.append(f"<i>{escape(source.title)}</i>" + (f" ({source.year})." if source.year else "."))
    if source.doi:
        doi_url = f"https://doi.org/{source.doi}"
        parts.append(f'doi: <a class="external" href="{escape(doi_url)}" title="Opens in your '
                     f'web browser: {escape(doi_url)}">{escape(source.doi)}{EXTERNAL_MARK}</a>')
    if source.url:
        parts.append(_address_html(source.url))
    return " ".join(parts)


def _address_html(url: str) -> str:
    """A source's address: a web link, or text that does not work if the guide cannot open it."""
    if is_external(url) and keeps_address(url):
        return (f'<a class="external" href="{escape(url)}" title="Opens in your web browser: '
                f'{escape(url)}">{escape(url)}{EXTERNAL_MARK}</a>')
    scheme = refused_scheme(url)
    why = (f"The guide does not open {scheme}: links" if scheme is not None
           else "Not a valid web address: the guide opens addresses starting with https://")
    return f'<span class="broken" title="{escape(why)}">{escape(url)}</span>'


def _sources_html(sources: tuple[Source, ...]) -> str:
    if not sources:
        return '<h2>Sources</h2><p class="broken">This article lists no sources.</p>'
    items = marked_items((_source_html(s) for s in sources), ordered=True)
    return f'<h2>Sources</h2><ol class="sources marked">{items}</ol>'


def _fact_html(fact: Fact) -> str:
    source = (f'<br><small class="source">Source: {_source_html(fact.source)}</small>'
              if fact.source else '<br><small class="broken">No source given.</small>')
    return f"{escape(fact.text)}{source}"


__all__ = ["FACTS_PAGE", "Renderer", "format_date", "sanitise"]
