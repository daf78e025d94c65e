"""The quick facts file read: each fact with its source and the articles it belongs to."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from guide.fields import Collector, Fields, item_lines, load_yaml, read_text
from guide.model import Article, Fact


def load_facts(root: Path, name: str, articles: Mapping[str, Article],
               problems: Collector) -> tuple[Fact, ...]:
    """The facts in ``root / name``; problems for missing text, sources and articles."""
    path = root / name
    if not path.is_file():
        problems.add(name, None, "facts file not found; the sidebar shows no 'Did you know?'",
                     "warning")
        return ()
    text = read_text(path, name, problems)
    data = load_yaml(text, name, 1, problems) if text is not None else None
    entries = data.get("facts") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        if data is not None:
            problems.add(name, 1, "should hold a 'facts:' list")
        return ()
    lines = item_lines(text or "", "facts")
    facts = []
    for number, entry in enumerate(entries, start=1):
        line = lines[number - 1] if number <= len(lines) else None
        if not isinstance(entry, dict) or not entry.get("text"):
            problems.add(name, line, f"fact {number} has no 'text'")
            continue
        entry_fields = Fields(entry, name, problems)
        entry_fields.lines = dict.fromkeys(entry, line or 1)
        source = entry_fields.source(entry["source"], "source") if entry.get("source") else None
        if source is None:
            problems.add(name, line, f"fact {number} has no source")
        else:
            problems.check_source(name, line, source)
        problems.check_reading_level(name, line, str(entry["text"]), f"fact {number}")
        linked = entry_fields.text_list("articles")
        for article_id in linked:
            if article_id not in articles:
                problems.add(name, line, f"fact {number} names unknown article '{article_id}'")
        facts.append(Fact(entry_fields.text("text"), source, linked))
    return tuple(facts)
