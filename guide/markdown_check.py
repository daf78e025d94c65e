"""What the checker says about an article's Markdown: dead links, pictures, differences.

Dead links and missing pictures are reported where they are; each way the app shows the
article differently from GitHub is reported once per file and kind, with a count.
Everything is read through the renderer's own parser (:mod:`guide.markdown_scan`).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from guide.article_size import SHOWN_LIMIT, SLOW_SIZE, describe_size, shown_part
from guide.fields import Collector
from guide.links import (
    article_link_target,
    is_external,
    refused_scheme,
    resolve_relative,
    split_fragment,
)
from guide.locations import UnsafePathError, resolve_inside
from guide.markdown_scan import Scan, scan
from guide.model import Article, Pack, Severity
from guide.pack_layout import ARTICLES_DIR
from guide.sanitise import keeps_address


def check_body(pack: Pack, article: Article, problems: Collector) -> None:
    """Add the problems of ``article``'s Markdown body to ``problems``."""
    size = len(article.body.encode("utf-8"))
    if size > SLOW_SIZE:
        shown = (f"only its first {describe_size(SHOWN_LIMIT)} are shown"
                 if size > SHOWN_LIMIT else "it opens slowly")
        problems.add(article.path, article.body_line,
                     f"article is {describe_size(size)}: {shown} (articles over "
                     f"{describe_size(SLOW_SIZE)} open slowly); split it into smaller articles",
                     "warning")
    body = shown_part(article.body)
    found = scan(body)
    offset = article.body_line - 1
    anchors = {h.anchor for h in found.headings}
    for link in found.links:
        where = link.line + offset if link.line is not None else None
        target = link.target
        if link.kind == "image":
            _check_image(pack.root, article, target, where, problems)
        elif target.startswith("#"):
            if unquote(target[1:]) not in anchors:
                problems.add(article.path, where, f"no heading '{target}' in this article")
        elif (scheme := refused_scheme(target)) is not None:
            problems.add(article.path, where, f"link '{target}' uses '{scheme}:', which the "
                         "guide does not open: link to a web page (https://), an e-mail "
                         "address (mailto:), a phone number (tel:) or an article (a relative "
                         "'.md' link)")
        elif not is_external(target):
            _check_article_link(pack, article, target, where, problems)
        elif not keeps_address(target):
            problems.add(article.path, where, f"web address '{target}' is not valid, so the "
                         "link does not work: check it in a web browser")
    _report_differences(article, body, found, offset, problems)


def _report_differences(article: Article, body: str, found: Scan, offset: int,
                        problems: Collector) -> None:
    """One line per kind of thing the app shows differently from GitHub."""

    def add(first: str, message: str, severity: Severity = "warning") -> None:
        line = _first_line(body, first)
        problems.add(article.path, line + offset if line else article.body_line, message,
                     severity)

    for kind, what in (("shown as text", "HTML shown as text, not as HTML"),
                       ("unwrapped", "HTML left out, its text kept")):
        tags = [(tag, count) for treatment, tag, count in found.html if treatment == kind]
        if tags:
            names = ", ".join(f"<{tag}>" for tag, _n in tags)
            advice = ": the guide shows no such tags; write it in Markdown" * (
                kind == "shown as text")
            add(f"<{tags[0][0]}",
                f"{what} ({_count(sum(n for _tag, n in tags), 'tag')}: {names}){advice}")
    if found.details:
        add("<details", f"<details> shown open ({_count(found.details, 'block')}): the guide "
            "cannot fold text away")
    if found.ignored_attributes:
        names = ", ".join(name for name, _n in found.ignored_attributes)
        count = sum(n for _name, n in found.ignored_attributes)
        add(f"{found.ignored_attributes[0][0]}=",
            f"HTML attributes ignored ({count}: {names}): the guide uses its own style")
    references = found.undefined_references
    if references:
        names = ", ".join(f"[{name}]" for name in references)
        add(f"[{references[0]}]", f"reference links never defined, shown as text "
            f"({len(references)}: {names}): add a line like '[{references[0]}]: address'",
            "error")
    if found.diagrams:
        add("```mermaid", f"mermaid diagrams shown as source code ({found.diagrams}): the "
            "guide does not draw diagrams")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _first_line(body: str, text: str) -> int | None:
    match = re.search(re.escape(text), body, re.IGNORECASE)
    return body.count("\n", 0, match.start()) + 1 if match else None


def _check_article_link(pack: Pack, article: Article, target: str, line: int | None,
                        problems: Collector) -> None:
    resolved = article_link_target(article.id, target)
    if resolved is None:
        problems.add(article.path, line,
                     f"link '{target}' is not a relative link to a .md article in the pack")
        return
    target_id, fragment = resolved
    target_article = pack.articles.get(target_id)
    if target_article is None:
        problems.add(article.path, line, f"link to unknown article '{target}'")
    elif fragment and not target_article.error and unquote(fragment) not in {
        h.anchor for h in target_article.headings
    }:
        problems.add(article.path, line, f"no heading '#{fragment}' in '{target_id}'")


def _check_image(pack_root: Path, article: Article, target: str, line: int | None,
                 problems: Collector) -> None:
    if is_external(target) or target.startswith("//"):
        problems.add(article.path, line, f"remote image '{target}' will not be loaded")
        return
    path, _fragment = split_fragment(target)
    resolved = resolve_relative(article.id, path)
    try:
        if resolved is None:
            raise UnsafePathError(target)
        file = resolve_inside(pack_root, f"{ARTICLES_DIR}/{resolved}")
    except UnsafePathError:
        problems.add(article.path, line, f"image '{target}' is outside the pack")
        return
    if not file.is_file():
        problems.add(article.path, line, f"image '{target}' does not exist")
