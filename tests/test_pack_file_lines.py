"""Problems in the facts and glossary files are reported at the line of their entry."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from guide.content import load_pack


def problems_in(pack_root: Path, name: str) -> list[str]:
    return [str(p) for p in load_pack(pack_root).problems if p.path == name]


def test_a_fact_is_found_at_its_line_whatever_lists_it_holds(
        make_pack: Callable[..., Path]) -> None:
    facts = textwrap.dedent("""\
        facts:
          - text: Pacing helps.
            articles:
            - treatments/alpha
            - treatments/beta
          - text: Sleep matters.
            source: {title: Sleep facts, publisher: Sleep Org, year: 2021}
            articles: [nowhere]
        """)
    assert problems_in(make_pack({"facts.yml": facts}), "facts.yml") == [
        "facts.yml:2: error: fact 1 has no source",
        "facts.yml:6: error: fact 2 names unknown article 'nowhere'",
    ]


def test_facts_written_on_one_line_are_found_on_it(make_pack: Callable[..., Path]) -> None:
    facts = "facts: [{text: Pacing helps.}, {source: {title: S}}]\n"
    assert problems_in(make_pack({"facts.yml": facts}), "facts.yml") == [
        "facts.yml:1: error: fact 1 has no source",
        "facts.yml:1: error: fact 2 has no 'text'",
    ]


def test_a_glossary_entry_is_found_at_its_line_whichever_key_comes_first(
        make_pack: Callable[..., Path]) -> None:
    glossary = textwrap.dedent("""\
        terms:
          - definition: Pain in many places.
            term: Fibromyalgia
          - term: Flare
        """)
    found = problems_in(make_pack({"glossary.yml": glossary}), "glossary.yml")
    assert "glossary.yml:4: error: glossary entry 2 needs a 'term' and a 'definition'" in found
