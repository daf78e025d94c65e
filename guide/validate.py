"""Checks across a loaded pack: links, pictures, review dates, reading level, glossary use.

The app reports these at start-up and ``health-guide check`` prints them: one implementation.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from guide.fields import Collector
from guide.glossary import GLOSSARY_ID
from guide.leftovers import check_leftovers
from guide.markdown_check import check_body
from guide.model import Article, Pack
from guide.pack_layout import ARTICLES_DIR, SECTION_FILE
from guide.readability import as_passage

MIN_SOURCES = 2
MARKDOWN_LOOKALIKES = {".markdown", ".mdown", ".mkd", ".txt", ".MD", ".Md"}


def check_pack(pack: Pack, problems: Collector, today: dt.date) -> None:
    """Add every cross-file problem of ``pack`` to ``problems``."""
    for article in pack.articles.values():
        if article.error:
            continue
        check_body(pack, article, problems)
        _check_metadata(pack, article, problems, today)
    _check_unreachable(pack.root, problems)
    _check_glossary_use(pack, problems)
    check_leftovers(pack, problems)


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
    found = (Path(folder, name) for folder, _dirs, names in os.walk(articles_dir)
             for name in names)  # os.walk does not follow linked folders, which may loop
    for path in sorted(found):
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
