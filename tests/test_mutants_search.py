"""Search behaviours a planted bug once broke unnoticed: two-letter prefixes, names first."""

from __future__ import annotations

import math
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.query import MAX_QUERY_WORDS, parse_query
from guide.search import Hit, SearchError, SearchIndex, rarity
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


@pytest.fixture
def guide_index(make_pack: Callable[..., Path]) -> SearchIndex:
    """A pack with concepts (a class and its member, a two-word name) and similar titles."""
    return SearchIndex.build(load_pack(make_pack({
        "synonyms.yml": "concepts:\n  - words: [SSRI]\n    includes: [fluoxetine]\n"
                        "  - words: [fluoxetine, Prozac]\n  - words: [brain fog, fibro fog]\n",
        "articles/living/pacing.md": article("Pacing", "Rest and walk. Rest often."),
        "articles/living/walking.md": article(
            "Walking", "Walk in the park. Rest after. Try pacing yourself."),
        "articles/living/rest.md": article("Rest days", "Take a day off."),
        "articles/living/yourself.md": article("Pacing yourself", "Slow down."),
        "articles/treatments/ssri.md": article("Antidepressants", "An SSRI can help some."),
        "articles/treatments/prozac.md": article("Fluoxetine", "A medicine."),
        "articles/living/brain.md": article("Brain health", "Keep your brain busy."),
        "articles/living/fog.md": article("Thinking clearly", "Brain fog is common."),
    })))


def ids(hits: list[Hit]) -> list[str]:
    return [hit.article_id for hit in hits]


def test_a_single_letter_lists_the_titles_it_begins(guide_index: SearchIndex) -> None:
    assert guide_index.search("p") == [Hit("living/pacing", "Pacing", "Living well", ""),
                                       Hit("living/yourself", "Pacing yourself", "Living well",
                                           "")]


def test_results_show_where_the_words_are(guide_index: SearchIndex) -> None:
    assert guide_index.search("rest") == [
        Hit("living/rest", "Rest days", "Living well", "Take a day off.", ("rest",)),
        Hit("living/pacing", "Pacing", "Living well",
            "<b>Rest</b> and walk. <b>Rest</b> often.", ("rest",)),
        Hit("living/walking", "Walking", "Living well",
            "Walk in the park. <b>Rest</b> after. Try pacing yourself.", ("rest",)),
    ]
    # the quick list while typing shows the start of each article instead
    assert guide_index.search("pacing", names_only=True)[0].snippet_html == \
        "Rest and walk. Rest often.\u2026"


def test_results_stop_at_the_limit(guide_index: SearchIndex) -> None:
    assert ids(guide_index.search("rest", limit=1)) == ["living/rest"]
    assert ids(guide_index.search("rest", limit=2)) == ["living/rest", "living/pacing"]


def test_at_most_fifty_results(make_pack: Callable[..., Path]) -> None:
    many = {f"articles/living/walk{n}.md": article(f"Walk {n}", "A walk.") for n in range(55)}
    assert len(SearchIndex.build(load_pack(make_pack(many))).search("walk")) == 50


def test_names_first_search_never_lists_a_phrase_found_only_in_the_text(
        guide_index: SearchIndex) -> None:
    found = ids(guide_index.search("pacing yourself", names_only=True))
    assert found[0] == "living/yourself"
    assert "living/walking" not in found  # "Try pacing yourself." is in its text only


def test_a_member_finds_its_class_after_its_own_names(guide_index: SearchIndex) -> None:
    assert ids(guide_index.search("prozac")) == ["treatments/prozac", "treatments/ssri"]


def test_a_two_word_name_is_not_found_by_one_of_its_words(guide_index: SearchIndex) -> None:
    assert ids(guide_index.search("brain fog")) == ["living/fog"]


def test_an_index_built_in_the_background_answers_on_screen(
        make_pack: Callable[..., Path], tmp_path: Path) -> None:
    # the app builds (or opens) the index in a worker thread and searches in the UI thread
    pack = load_pack(make_pack())
    path = tmp_path / "search.sqlite"
    made: list[SearchIndex | None] = []
    worker = threading.Thread(target=lambda: made.append(SearchIndex.build(pack, path)))
    worker.start()
    worker.join()
    opener = threading.Thread(target=lambda: made.append(SearchIndex.open(path)))
    opener.start()
    opener.join()
    for index in made:
        assert index is not None
        assert ids(index.search("pacing")) == ["living/pacing"]
        index.close()


def test_a_saved_index_reopens_with_the_packs_concepts(make_pack: Callable[..., Path],
                                                       tmp_path: Path) -> None:
    pack = load_pack(make_pack({"synonyms.yml": "concepts:\n  - words: [stroll, pacing]\n"}))
    SearchIndex.build(pack, tmp_path / "search.sqlite").close()
    reopened = SearchIndex.open(tmp_path / "search.sqlite", pack.synonyms)
    assert reopened is not None
    assert ids(reopened.search("stroll")) == ["living/pacing"]
    reopened.close()


def test_a_damaged_index_says_what_went_wrong(make_pack: Callable[..., Path]) -> None:
    index = SearchIndex.build(load_pack(make_pack()))
    index.close()
    with pytest.raises(SearchError) as failed:
        index.search("pacing")
    assert str(failed.value) == "Cannot operate on a closed database."


def test_a_words_weight_is_bm25s_inverse_document_frequency() -> None:
    assert rarity(1, 10) == pytest.approx(math.log(1 + 9.5 / 1.5))
    assert rarity(10, 10) == pytest.approx(math.log(1 + 0.5 / 10.5))
    assert rarity(0, 4) > rarity(1, 4) > rarity(4, 4) > 0


def test_the_whole_phrase_is_searched_for_two_to_sixteen_words() -> None:
    assert parse_query("pacing").whole == ""
    assert parse_query("brain fog").whole == '"brain fog"*'
    sixteen = " ".join(f"word{n}" for n in range(MAX_QUERY_WORDS))
    assert parse_query(sixteen).whole.startswith('"word0 word1')
    assert parse_query(sixteen + " more").whole == ""
