"""The glossary file read, and the glossary page made from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from guide.article_file import headings_of, reading_grade
from guide.fields import Collector, Fields, item_lines, load_yaml, read_text
from guide.glossary import GLOSSARY_ID, Glossary, Term, glossary_markdown
from guide.model import DEFAULT_ORDER, Article, Source, slugify
from guide.pack_layout import DEFAULT_GLOSSARY_FILE


def load_glossary(root: Path, name: str, problems: Collector
                  ) -> tuple[Glossary, tuple[Source, ...], dt.date | None]:
    """The glossary in ``root / name`` (empty when there is none), its sources and review date."""
    path = root / name
    if not path.is_file():
        return Glossary(), (), None
    text = read_text(path, name, problems)
    data = load_yaml(text, name, 1, problems) if text is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        if data is not None:
            problems.add(name, 1, "should hold a 'terms:' list")
        return Glossary(), (), None
    top = Fields(data, name, problems, text or "")
    term_lines = item_lines(text or "", "terms")
    terms: list[Term] = []
    names: dict[str, str] = {}
    for number, entry in enumerate(data["terms"], start=1):
        line = term_lines[number - 1] if number <= len(term_lines) else None
        if not isinstance(entry, dict):
            problems.add(name, line, f"glossary entry {number} should be a mapping")
            continue
        entry_fields = Fields(entry, name, problems)
        entry_fields.lines = dict.fromkeys(entry, line or 1)
        word = entry_fields.text("term")
        definition = entry_fields.text("definition")
        if not word or not definition:
            problems.add(name, line, f"glossary entry {number} needs a 'term' and a 'definition'")
            continue
        also = entry_fields.text_list("also")
        for form in (word, *also):
            if form.casefold() in names:
                problems.add(name, line, f"'{form}' is already used by the glossary entry "
                             f"'{names[form.casefold()]}'")
            names.setdefault(form.casefold(), word)
        terms.append(Term(word, definition, slugify(word), also, entry_fields.text_list("see")))
    glossary = Glossary(tuple(terms))
    for number, entry_term in enumerate(terms, start=1):
        for other in entry_term.see:
            if glossary.term(other) is None:
                line = term_lines[number - 1] if number <= len(term_lines) else None
                problems.add(name, line, f"'{entry_term.term}' says see '{other}', which is "
                             "not a glossary term")
    sources = top.sources()
    for source in sources:
        problems.check_source(name, top.line("sources"), source)
    return glossary, sources, top.date("last_reviewed")


def glossary_article(glossary: Glossary, sources: tuple[Source, ...],
                     reviewed: dt.date | None) -> Article:
    """The glossary as a page of the guide, listed last."""
    body = glossary_markdown(glossary)
    return Article(
        id=GLOSSARY_ID,
        path=DEFAULT_GLOSSARY_FILE,
        title="Glossary",
        summary="Medical words used in this guide, explained in plain language.",
        order=DEFAULT_ORDER * 10,
        last_reviewed=reviewed,
        sources=sources,
        body=body,
        headings=headings_of(body),
        tags=("glossary",),
        also_called=("dictionary", "medical words", "definitions"),
        reading_grade=reading_grade(body),
    )
