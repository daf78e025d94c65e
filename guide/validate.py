"""Checks across a loaded pack: links, pictures, review dates, reading level, glossary use.

The app reports these at start-up and ``health-guide check`` prints them: one implementation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from guide.content import ARTICLES_DIR, SECTION_FILE, scan_body
from guide.fields import Collector
from guide.glossary import GLOSSARY_ID
from guide.leftovers import check_leftovers
from guide.links import article_link_target, is_external, resolve_relative, split_fragment
from guide.locations import UnsafePathError, resolve_inside
from guide.model import Article, Pack
from guide.readability import as_passage

MIN_SOURCES = 2
MARKDOWN_LOOKALIKES = {".markdown", ".mdown", ".mkd", ".txt", ".MD", ".Md"}


def check_pack(pack: Pack, problems: Collector, today: dt.date) -> None:
    """Add every cross-file problem of ``pack`` to ``problems``."""
    for article in pack.articles.values():
        if article.error:
            continue
        _check_body(pack, article, problems)
        _check_metadata(pack, article, problems, today)
    _check_unreachable(pack.root, problems)
    _check_glossary_use(pack, problems)
    check_leftovers(pack, problems)


def _check_body(pack: Pack, article: Article, problems: Collector) -> None:
    _headings, links, html_lines = scan_body(article.body)
    offset = article.body_line - 1
    for line, kind, target in links:
        where = line + offset
        if kind == "image":
            _check_image(pack.root, article, target, where, problems)
        elif target.startswith("#"):
            if target[1:] not in {h.anchor for h in article.headings}:
                problems.add(article.path, where, f"no heading '{target}' in this article")
        elif not is_external(target) and ":" not in target.split("/")[0]:
            _check_article_link(pack, article, target, where, problems)
    for line in html_lines:
        problems.add(article.path, line + offset,
                     "raw HTML will be sanitised (unsafe tags and attributes removed)",
                     "warning")


def _check_article_link(pack: Pack, article: Article, target: str, line: int,
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
    elif fragment and not target_article.error and fragment not in {
        h.anchor for h in target_article.headings
    }:
        problems.add(article.path, line, f"no heading '#{fragment}' in '{target_id}'")


def _check_image(pack_root: Path, article: Article, target: str, line: int,
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


def _check_metadata(pack: Pack, article: Article, problems: Collector, today: dt.date) -> None:
    for related in article.related:
        if related not in pack.articles:
            problems.add(article.path, article.line_of("related"),
                         f"related article '{related}' does not exist")
    if article.id == GLOSSARY_ID:
        return
    problems.check_reading_level(article.path, article.body_line, article.body)
    for key, text, what in (("summary", article.summary, "the summary"),
                            ("evidence", article.evidence, "the evidence line"),
                            ("facts", as_passage(article.facts), "the at-a-glance facts")):
        problems.check_reading_level(article.path, article.line_of(key), text, what)
    if article.next_review is not None and article.next_review < today:
        problems.add(article.path, article.line_of("next_review"),
                     f"next_review {article.next_review.isoformat()} is in the past: check the "
                     "article and set a new date", "warning")
    for source in article.sources:
        problems.check_source(article.path, article.line_of("sources"), source)
    if len(article.sources) < MIN_SOURCES:
        problems.add(article.path, article.line_of("sources") or 1,
                     f"only {len(article.sources)} source(s): give at least {MIN_SOURCES}",
                     "warning")


def _check_unreachable(root: Path, problems: Collector) -> None:
    """Markdown-looking files the navigation tree never shows."""
    articles_dir = root / ARTICLES_DIR
    for path in sorted(articles_dir.rglob("*")):
        if not path.is_file() or path.name == SECTION_FILE:
            continue
        rel = path.relative_to(root).as_posix()
        inner = path.relative_to(articles_dir).parts
        hidden = any(part.startswith((".", "_")) for part in inner)
        if path.suffix == ".md" and hidden:
            problems.add(rel, None, "not reachable from the tree: files and folders starting "
                         "with '_' or '.' are skipped", "warning")
        elif path.suffix in MARKDOWN_LOOKALIKES and not hidden:
            problems.add(rel, None, "not reachable from the tree: only files ending in "
                         "'.md' are articles", "warning")


def _check_glossary_use(pack: Pack, problems: Collector) -> None:
    glossary = pack.glossary
    if not glossary.terms:
        return
    used: set[str] = set()
    for article in pack.articles.values():
        used.update(article.glossary_terms)
    for term in glossary.terms:
        if term.term not in used:
            problems.add("glossary.yml", None,
                         f"glossary term '{term.term}' is never used in an article", "warning")
