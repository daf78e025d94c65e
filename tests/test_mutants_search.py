"""Search behaviours a planted bug once broke unnoticed: two-letter prefixes, names first."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.search import SearchIndex
from tests.conftest import article

GLOSSARY = textwrap.dedent("""\
    terms:
      - term: Paracetamol
        also: [acetaminophen]
        definition: A common medicine for pain and fever.
    """)


@pytest.fixture
def index(make_pack: Callable[..., Path]) -> SearchIndex:
    """Articles that mention paracetamol, and one that is about it (by name)."""
    return SearchIndex.build(load_pack(make_pack({
        "glossary.yml": GLOSSARY,
        "articles/living/pacing.md": article("Pacing", "Rest, and take paracetamol if needed."),
        "articles/treatments/beta.md": article("Beta treatment", "Some take paracetamol."),
        "articles/treatments/paracetamol.md": article(
            "Paracetamol", "Take it with water.", also_called="[acetaminophen]"),
    })))


def found(index: SearchIndex, text: str, *, names_only: bool = False) -> set[str]:
    return {hit.article_id for hit in index.search(text, names_only=names_only)}


@pytest.mark.parametrize("names_only", [False, True])
def test_two_letters_already_find_the_words_they_begin(index: SearchIndex,
                                                       names_only: bool) -> None:
    # the list follows each keystroke: after "pa" the reader expects "Pacing", "Paracetamol"
    assert {"living/pacing", "treatments/paracetamol"} <= found(index, "pa",
                                                                 names_only=names_only)
    assert "treatments/paracetamol" in found(index, "ac", names_only=names_only)


def test_names_first_search_looks_at_titles_and_other_names_only(index: SearchIndex) -> None:
    # commit 1f0d8d5: glossary names made the quick list match every article using the term
    assert found(index, "paracetamol", names_only=True) == {"treatments/paracetamol"}
    assert found(index, "acetaminophen", names_only=True) == {"treatments/paracetamol"}
    # the full search still finds the articles that use the word (its glossary name too)
    assert {"living/pacing", "treatments/beta"} <= found(index, "acetaminophen")
