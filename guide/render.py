"""Render articles, the facts page and the disclaimer from Markdown to sanitised HTML."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html import escape
from typing import Final

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from guide.content import ARTICLES_DIR
from guide.edition_pages import contact_html, logo_html
from guide.glossary import GLOSSARY_ID, Glossary
from guide.links import (
    ARTICLE_SCHEME,
    EXTERNAL_MARK,
    FACTS_PAGE,
    PACK_SCHEME,
    article_link_target,
    is_external,
    resolve_relative,
    split_fragment,
)
from guide.locations import UnsafePathError, resolve_inside
from guide.model import Article, Fact, Pack, Source, slugify

DRAFT_BADGE = "Draft \u2013 not yet reviewed by a clinician"
TOC_MIN_HEADINGS = 4
"""Articles with at least this many ``##`` headings get an "On this page" list."""

CALLOUT_COLOURS: Final = {  # call-out kind -> background and border colours
    "note": ("#eef4f8", "#7aa3bf"),
    "tip": ("#eef6ef", "#78a882"),
    "important": ("#fdf5e3", "#c9a24a"),
    "warning": ("#fdf1e3", "#c98a3f"),
    "danger": ("#fbeceb", "#c0605a"),
}

_ALLOWED_TAGS: Final = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
_ALLOWED_ATTRIBUTES: Final = {
    "*": {"class", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border", "bgcolor"},
    "td": {"bgcolor", "colspan", "rowspan", "align", "width"},
    "th": {"colspan", "rowspan", "align"},
    "h2": {"id"},
    "h3": {"id"},
    "ol": {"start"},
}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop any image source that is not a file of the pack, so nothing remote is fetched."""
    if tag == "img" and attribute == "src" and not value.startswith(f"{PACK_SCHEME}:"):
        return None
    return value


_CLEANER: Final = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ALLOWED_ATTRIBUTES,
    attribute_filter=_keep_attribute,
    link_rel=None,
    url_schemes={"http", "https", "mailto", ARTICLE_SCHEME, PACK_SCHEME},
)


_IMAGE_WITHOUT_SOURCE: Final = re.compile(r"<img(?![^>]*\bsrc=)[^>]*>")


def sanitise(html: str) -> str:
    """Remove scripts, event handlers, styles and remote resources from ``html``."""
    cleaned = _CLEANER.clean(html)
    return _IMAGE_WITHOUT_SOURCE.sub(
        '<span class="broken">[Picture not loaded: only pictures inside this guide are shown]'
        "</span>",
        cleaned,
    )


def format_date(value: dt.date) -> str:
    """A date as readers write it: ``27 November 2026``."""
    return f"{value.day} {value:%B %Y}"


class _GuideTreeprocessor(Treeprocessor):
    """Rewrites links and images for the app and turns call-outs into framed boxes."""

    def __init__(self, md: markdown.Markdown, extension: GuideExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a" and "href" in element.attrib:
                    self._rewrite_link(element)
                elif element.tag == "img":
                    replacement = self._rewrite_image(element)
                    if replacement is not None:
                        parent.remove(element)
                        parent.insert(index, replacement)
                elif element.tag in {"h2", "h3"} and element.get("id"):
                    # QTextBrowser scrolls to <a name>, not to ids on headings
                    anchor = ET.Element("a", {"name": element.get("id", "")})
                    anchor.tail, element.text = element.text, ""
                    element.insert(0, anchor)
                elif element.tag == "div" and "admonition" in element.get("class", "").split():
                    parent.remove(element)
                    parent.insert(index, _callout_table(element))
        if self.extension.article_id != GLOSSARY_ID:
            marker = _GlossaryMarker(self.extension.pack.glossary)
            article = self.extension.pack.articles.get(self.extension.article_id)
            if article is not None:  # the page about a term does not link it to the glossary
                marker.marked.update(self.extension.pack.glossary.terms_in(article.title))
            marker.mark(root)

    def _rewrite_link(self, element: ET.Element) -> None:
        href = element.get("href", "")
        article_id = self.extension.article_id
        if href.startswith("#"):
            return
        if is_external(href):
            element.set("class", "external")
            element.set("title", f"Opens in your web browser: {href}")
            mark = ET.SubElement(element, "span", {"class": "external-mark"})
            mark.text = EXTERNAL_MARK
            return
        target = article_link_target(article_id, href)
        if target is not None and target[0] in self.extension.pack.articles:
            target_id, fragment = target
            url = f"{ARTICLE_SCHEME}:{target_id}" + (f"#{fragment}" if fragment else "")
            element.set("href", url)
            element.set("title", self.extension.pack.articles[target_id].title)
            return
        _mark_broken(element, f"Link not found in this guide: {href}")

    def _rewrite_image(self, element: ET.Element) -> ET.Element | None:
        src = element.get("src", "")
        alt = element.get("alt", "") or "picture"
        path, _fragment = split_fragment(src)
        resolved = None if is_external(src) else resolve_relative(self.extension.article_id, path)
        if resolved is not None:
            relative = f"{ARTICLES_DIR}/{resolved}"
            try:
                if resolve_inside(self.extension.pack.root, relative).is_file():
                    element.set("src", f"{PACK_SCHEME}:{relative}")
                    return None
            except UnsafePathError:
                pass
        reason = "not loaded: pictures from the internet are never fetched" if is_external(
            src) else "missing from this guide"
        span = ET.Element("span", {"class": "broken", "title": src})
        span.text = f"[Picture {reason}: {alt}]"
        span.tail = element.tail
        return span


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


def _mark_broken(element: ET.Element, message: str) -> None:
    element.tag = "span"
    element.attrib.clear()
    element.set("class", "broken")
    element.set("title", message)
    note = ET.SubElement(element, "span", {"class": "broken-note"})
    note.text = " (link not found)"


def _callout_table(div: ET.Element) -> ET.Element:
    classes = div.get("class", "").split()
    kind = next((c for c in classes if c in CALLOUT_COLOURS), "note")
    background, border = CALLOUT_COLOURS[kind]
    table = ET.Element("table", {
        "class": f"callout callout-{kind}", "width": "100%", "cellpadding": "0",
        "cellspacing": "0", "border": "0",
    })
    row = ET.SubElement(table, "tr")
    ET.SubElement(row, "td", {"width": "6", "bgcolor": border, "class": "callout-bar"})
    cell = ET.SubElement(row, "td", {"bgcolor": background, "class": "callout-body"})
    for child in div:
        if "admonition-title" in child.get("class", ""):
            child.set("class", "callout-title")
        cell.append(child)
    return table


class GuideExtension(Extension):
    """Python-Markdown extension registered as ``guide``: links, images and call-outs."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.article_id = ""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # after "toc" (5), so headings already carry their ids
        md.treeprocessors.register(_GuideTreeprocessor(md, self), "guide", 4)


class Renderer:
    """Owns one configured Markdown converter for a pack, reset between documents."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._extension = GuideExtension(pack)
        self._md = markdown.Markdown(
            extensions=[
                "tables", "sane_lists", "admonition",
                TocExtension(slugify=slugify, toc_depth="2-3", permalink=False),
                self._extension,
            ],
            output_format="html",
        )

    def markdown_to_html(self, text: str, article_id: str = "") -> str:
        """Convert one Markdown document (relative links resolved from ``article_id``)."""
        self._md.reset()
        self._extension.article_id = article_id
        return sanitise(self._md.convert(text))

    def article_html(self, article: Article) -> str:
        """The whole page for an article: header, contents, body, sources, related."""
        if article.error:
            return self.error_html(article)
        parts = [logo_html(self.pack) if article.id == self.pack.home else "",
                 _header_html(article)]
        if article.evidence:
            parts.append(
                f'<p class="evidence"><b>How strong is the evidence?</b> '
                f"{escape(article.evidence)}</p>"
            )
        parts.append(_contents_html(article))
        parts.append(self.markdown_to_html(article.body, article.id))
        parts.append(_sources_html(article.sources))
        parts.append(self._related_html(article))
        return "\n".join(p for p in parts if p)

    def error_html(self, article: Article) -> str:
        """A calm, readable page for an article that could not be loaded."""
        return (
            f"<h1>{escape(article.title)}</h1>"
            '<table class="callout callout-warning" width="100%" cellpadding="0" '
            f'cellspacing="0"><tr><td class="callout-bar" width="6" '
            f'bgcolor="{CALLOUT_COLOURS["warning"][1]}"></td><td class="callout-body" '
            f'bgcolor="{CALLOUT_COLOURS["warning"][0]}">'
            '<p class="callout-title">This article cannot be shown</p>'
            f"<p>{escape(article.error)}</p>"
            f"<p>The problem is in the file <code>{escape(article.path)}</code> of the content "
            "pack. The rest of the guide works normally. If you look after this guide, "
            "run <code>health-guide check</code> for details.</p>"
            "</td></tr></table>"
        )

    def facts_html(self) -> str:
        """The "More quick facts" page: every fact with its source."""
        items = "\n".join(f"<li>{_fact_html(fact)}</li>" for fact in self.pack.facts)
        return (
            "<h1>Quick facts</h1>"
            '<p class="summary">Short facts from this guide, each with the '
            "source it comes from.</p>"
            f'<ul class="facts">{items}</ul>'
            if items
            else "<h1>Quick facts</h1><p>This guide has no quick facts.</p>"
        )

    def contact_html(self) -> str:
        """The "About and contact" page of the edition."""
        return contact_html(self.pack, self.markdown_to_html)

    def disclaimer_html(self) -> str:
        """The pack's disclaimer as HTML."""
        return self.markdown_to_html(self.pack.disclaimer.text)

    def _related_html(self, article: Article) -> str:
        links = [
            f'<li><a href="{ARTICLE_SCHEME}:{escape(rid)}">{escape(related.title)}</a></li>'
            for rid in article.related
            if (related := self.pack.articles.get(rid)) is not None
        ]
        if not links:
            return ""
        return f'<h2>Related articles</h2><ul class="related">{"".join(links)}</ul>'


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


def _contents_html(article: Article) -> str:
    top = [h for h in article.headings if h.level == 2]
    if len(top) < TOC_MIN_HEADINGS:
        return ""
    if article.id == GLOSSARY_ID:  # an A-Z line rather than a list of single letters
        letters = " \u00b7 ".join(f'<a href="#{escape(h.anchor)}">{escape(h.text)}</a>'
                                   for h in top)
        return f'<p class="toc-title">Jump to a letter</p><p class="letters">{letters}</p>'

    items = "".join(f'<li class="toc"><a href="#{escape(h.anchor)}">{escape(h.text)}</a></li>'
                    for h in top)
    return f'<p class="toc-title">On this page</p><ul class="toc">{items}</ul>'


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
        parts.append(f'<a class="external" href="{escape(source.url)}" title="Opens in your web '
                     f'browser: {escape(source.url)}">{escape(source.url)}{EXTERNAL_MARK}</a>')
    return " ".join(parts)


def _sources_html(sources: tuple[Source, ...]) -> str:
    if not sources:
        return '<h2>Sources</h2><p class="broken">This article lists no sources.</p>'
    items = "".join(f"<li>{_source_html(s)}</li>" for s in sources)
    return f'<h2>Sources</h2><ol class="sources">{items}</ol>'


def _fact_html(fact: Fact) -> str:
    source = (f'<br><small class="source">Source: {_source_html(fact.source)}</small>'
              if fact.source else '<br><small class="broken">No source given.</small>')
    return f"{escape(fact.text)}{source}"


__all__ = ["FACTS_PAGE", "Renderer", "format_date", "sanitise"]
