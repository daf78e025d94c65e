"""One article file read: its front matter checked into fields, its body and headings kept."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guide.article_size import shown_part
from guide.fields import Collector, Fields, load_yaml, read_text
from guide.model import Article, Heading
from guide.pack_layout import ARTICLES_DIR
from guide.readability import measure

REQUIRED_FIELDS = ("title", "summary", "last_reviewed", "status", "sources")

_FRONT_MATTER_END = re.compile(r"^---\s*$", re.MULTILINE)


def humanise(stem: str) -> str:
    """A title made from a file or folder name."""
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or stem


def headings_of(body: str) -> tuple[Heading, ...]:
    """The headings as the renderer reads them (its converter is loaded only to parse)."""
    from guide.markdown_scan import outline  # noqa: PLC0415 - a warm start never parses

    return outline(body)


def reading_grade(body: str) -> float:
    """The reading grade an article page shows (never below zero)."""
    return round(max(measure(body).grade, 0.0), 1)


def _broken(article_id: str, rel: str, section_id: str, error: str) -> Article:
    return Article(article_id, rel, humanise(article_id.rpartition("/")[2]), section_id,
                   error=error)


def parse_article(path: Path, root: Path, problems: Collector) -> Article:
    """Read one article file. A broken file gives an article with ``error`` set."""
    rel = path.relative_to(root).as_posix()
    article_id = path.relative_to(root / ARTICLES_DIR).with_suffix("").as_posix()
    section_id = article_id.rpartition("/")[0]
    text = read_text(path, rel, problems)
    if text is None:
        return _broken(article_id, rel, section_id,
                       "This article could not be read: its file is missing, unreadable or "
                       "not saved as UTF-8 text.")
    meta: Any = {}
    header = ""
    body = text
    if text.startswith("---"):
        end = _FRONT_MATTER_END.search(text, 3)
        if end is None:
            problems.add(rel, 1, "front matter starts with '---' but never ends with '---'")
            return _broken(article_id, rel, section_id,
                           "This article's details block (front matter) is not closed.")
        header = text[3 : end.start()]
        body = text[end.end() :].lstrip("\n")
        meta = load_yaml(header, rel, 1, problems)
        if meta is None and header.strip():
            return _broken(article_id, rel, section_id,
                           "This article's details block (front matter) is not valid YAML.")
        meta = meta or {}
        if not isinstance(meta, dict):
            problems.add(rel, 2, "front matter should be a mapping of 'key: value' lines")
            meta = {}
    else:
        problems.add(rel, 1, "no front matter: start the file with a '---' block")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    meta_fields = Fields(meta, rel, problems, header, first_line=1)
    for key in REQUIRED_FIELDS:
        if not meta.get(key):
            problems.add(rel, meta_fields.line(key) or 1, f"missing required front matter '{key}'")
    status = meta_fields.text("status") or "draft"
    reviewed_by = meta_fields.text("reviewed_by")
    if status not in {"draft", "reviewed"}:
        meta_fields.add("status", f"unknown status {status!r}: use 'draft' or 'reviewed'")
        status = "draft"
    if status == "reviewed" and not reviewed_by:
        meta_fields.add("status",
                        "status is 'reviewed' but 'reviewed_by' names no one; shown as draft")
        status = "draft"
    headings = headings_of(shown_part(body))
    return Article(
        id=article_id,
        path=rel,
        title=meta_fields.text("title") or humanise(path.stem),
        section_id=section_id,
        summary=meta_fields.text("summary"),
        order=meta_fields.integer("order"),
        status=status,
        last_reviewed=meta_fields.date("last_reviewed"),
        next_review=meta_fields.date("next_review"),
        reviewed_by=reviewed_by,
        evidence=meta_fields.text("evidence"),
        sources=meta_fields.sources(),
        related=meta_fields.text_list("related"),
        facts=meta_fields.text_list("facts"),
        tags=meta_fields.text_list("tags"),
        also_called=meta_fields.text_list("also_called"),
        body=body,
        body_line=body_line,
        headings=headings,
        reading_grade=reading_grade(body),
        field_lines=tuple(meta_fields.lines.items()),
    )
