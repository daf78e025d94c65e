"""Rendered article HTML made for paper: nothing to click, every web address written out."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from guide.links import EXTERNAL_MARK, is_external

_VOID = frozenset({"br", "hr", "img", "meta", "col", "area", "wbr", "input"})


def written_address(href: str) -> str:
    """A link's address as a reader would type it: ``mailto:`` and ``tel:`` dropped."""
    for prefix in ("mailto:", "tel:"):
        if href.lower().startswith(prefix):
            return href[len(prefix):]
    return href


def _same_address(text: str, address: str) -> bool:
    def bare(value: str) -> str:
        value = value.strip().lower().removeprefix("https://").removeprefix("http://")
        return value.removeprefix("www.").rstrip("/")

    return bare(text) == bare(address)


class _PaperRewriter(HTMLParser):
    """Re-emits HTML with links turned into text.

    Glossary terms and links between articles become their words; a web link becomes its
    words followed by its address in brackets (or just the address, when the words are the
    address); the on-screen "opens in your browser" mark is dropped.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self._links: list[tuple[str, str, list[str]]] = []  # open <a>: kind, address, words
        self._skip = 0  # depth inside an element that is left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self._skip:
            self._skip += tag not in _VOID
            return
        if tag == "span" and "external-mark" in attributes.get("class", "").split():
            self._skip = 1
            return
        if tag == "a":
            href = attributes.get("href", "")
            if "name" in attributes and not href:  # a heading's anchor: kept for page numbers
                self.out.append(self.get_starttag_text() or "")
                self._links.append(("anchor", "", []))
            else:
                self._links.append(("web" if is_external(href) else "plain", href, []))
            return
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]],  # noqa: ARG002
                           ) -> None:
        if not self._skip:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
            return
        if tag == "a":
            if not self._links:
                return
            kind, address, words = self._links.pop()
            if kind == "anchor":
                self.out.append("</a>")
            elif kind == "web":
                written = written_address(address)
                if not _same_address(_plain("".join(words)), written):
                    self._emit(f" ({escape(written)})")
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._emit(data.replace(EXTERNAL_MARK, ""))

    def handle_entityref(self, name: str) -> None:
        if not self._skip:
            self._emit(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self._skip:
            self._emit(f"&#{name};")

    def _emit(self, text: str) -> None:
        self.out.append(text)
        for _kind, _address, words in self._links:
            words.append(text)


def _plain(html_text: str) -> str:
    parser = _TextCollector()
    parser.feed(html_text)
    parser.close()
    return "".join(parser.text)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def paper_html(html: str) -> str:
    """``html`` as rendered for the screen, made for paper (see :class:`_PaperRewriter`)."""
    rewriter = _PaperRewriter()
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)


class _Paragraphs(HTMLParser):
    """Collects the inner HTML and the words of each top-level ``<p>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, str]] = []
        self._depth = 0
        self._inner: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]],  # noqa: ARG002
                        ) -> None:
        if tag == "p" and not self._depth:
            self._depth, self._inner, self._text = 1, [], []
        elif self._depth:
            self._depth += tag == "p"
            self._inner.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if tag == "p":
            self._depth -= 1
            if not self._depth:
                self.found.append(("".join(self._inner).strip(), " ".join("".join(
                    self._text).split())))
                return
        self._inner.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._inner.append(data)
            self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        if self._depth:
            self._inner.append(f"&{name};")
            self._text.append(" ")

    def handle_charref(self, name: str) -> None:
        if self._depth:
            self._inner.append(f"&#{name};")
            self._text.append(" ")


def first_statement(html: str, min_words: int) -> str:
    """Inner HTML of the first paragraph of at least ``min_words`` words.

    A short lead-in ("Please read this first.") is skipped; when no paragraph is that long,
    the first paragraph is used ("" when there is none).
    """
    collector = _Paragraphs()
    collector.feed(html)
    collector.close()
    for inner, text in collector.found:
        if len(text.split()) >= min_words:
            return inner
    return collector.found[0][0] if collector.found else ""

