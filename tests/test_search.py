"""Whole-guide search: forgiving matching, ranking, questions in plain words, odd input."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide import search as search_module
from guide.content import load_pack
from guide.locations import bundled_dir
from guide.model import Pack
from guide.query import parse_query
from guide.search import CREATE_TABLE, BuildCancelledError, SearchError, SearchIndex, rarity
from tests.conftest import article


@cache
def bundled_index() -> SearchIndex:
    return SearchIndex.build(load_pack(bundled_dir("content")))


def titles(query: str) -> list[str]:
    return [hit.title for hit in bundled_index().search(query)]


def ids(query: str) -> list[str]:
    return [hit.article_id for hit in bundled_index().search(query)]


@pytest.mark.parametrize(("query", "expected_first"), [
    ("ketamine", "medicines/ketamine-infusion"),
    ("KETAMINE", "medicines/ketamine-infusion"),
    ("infusions", "medicines/ketamine-infusion"),  # word forms
    ("tramadol", "medicines/tramadol"),
    ("RSD", "related-conditions/crps"),  # also-called synonym
    ("brain fog", "living-with-pain/coping-with-brain-fog"),  # also-called synonym
    ("fibro fog", "living-with-pain/coping-with-brain-fog"),
    ("glossary", "glossary"),
])
def test_finds_the_right_article_first(query: str, expected_first: str) -> None:
    assert ids(query)[0] == expected_first


def test_prefixes_match_while_typing() -> None:
    assert "What is fibromyalgia?" in titles("fibro")[:3]
    assert ids("ketam")[0] == "medicines/ketamine-infusion"


def test_single_letter_lists_titles_starting_with_it() -> None:
    found = titles("k")
    assert found
    assert all(title.lower().startswith("k") for title in found)


def test_titles_rank_above_body_text() -> None:
    hits = titles("sleep")
    assert hits[0] == "Sleep and fibromyalgia"


def test_quoted_phrases_match_in_order() -> None:
    phrase = ids('"standard of care"')
    assert "medicines/ketamine-infusion" in phrase
    assert len(phrase) < len(ids("standard of care"))


def test_glossary_names_count_for_articles_that_use_the_term() -> None:
    # "acetaminophen" is the US name; the articles mostly say "paracetamol"
    assert "medicines/over-the-counter-pain-relievers" in ids("acetaminophen")[:3]


def test_snippets_highlight_matches_and_escape_html(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": article(
        "Pacing", "Slow <b>down</b> & rest: pacing helps.")}))
    hit = SearchIndex.build(pack).search("pacing")[0]
    assert "<b>pacing</b>" in hit.snippet_html.lower()
    assert "&amp;" in hit.snippet_html
    assert "<b>down</b>" not in hit.snippet_html
    assert hit.section == "Living well"


def test_accents_do_not_matter(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": article(
        "Sjögren's syndrome", "Dry eyes and mouth (Sjögren). Café au lait.")}))
    index = SearchIndex.build(pack)
    assert [h.article_id for h in index.search("sjogren")] == ["living/pacing"]
    assert [h.article_id for h in index.search("CAFE")] == ["living/pacing"]


def test_saved_index_reopens_without_building(make_pack: Callable[..., Path],
                                              tmp_path: Path) -> None:
    pack = load_pack(make_pack())
    path = tmp_path / "cache" / "search.sqlite"
    built = SearchIndex.build(pack, path)
    assert path.is_file()
    reopened = SearchIndex.open(path)
    assert reopened is not None
    assert [h.article_id for h in reopened.search("alpha")] == \
        [h.article_id for h in built.search("alpha")]
    path.write_bytes(b"not a database")
    assert SearchIndex.open(path) is None
    assert SearchIndex.open(tmp_path / "missing.sqlite") is None


def test_unwritable_cache_still_searches(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    index = SearchIndex.build(load_pack(make_pack()), blocker / "search.sqlite")
    assert index.search("alpha")


@pytest.mark.parametrize("query", [
    "", " ", '"', '""', '"unclosed phrase', "*", "-", "--", "AND", "OR", "NOT", "NEAR",
    "NEAR(a b)", "a AND OR b", "(", ")", "[]", "{}", "^", "title:pain", "pain*", "-pain",
    "\U0001F642", "\U0001F642 pain", "\x00", "'; DROP TABLE docs; --", "pain" * 2500,
    "word " * 2000, "ü", "\u200b", "\\", "%", "_",
])
def test_odd_input_never_errors(recording_index: tuple[SearchIndex, RecordingConnection],
                                query: str) -> None:
    index, db = recording_index
    db.expressions.clear()
    for names_only in (False, True):
        hits = index.search(query, names_only=names_only)
        assert isinstance(hits, list)
        assert len(hits) <= 50
    # each expression sent is valid FTS5 by itself, whatever search() does with an error
    for expression in db.expressions:
        raw_fts5().execute("SELECT rowid FROM docs WHERE docs MATCH ?", (expression,))


class RecordingConnection(sqlite3.Connection):
    """Remembers every FTS5 expression a search sends, to compile each on a bare table."""

    expressions: list[str]

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if "MATCH" in sql:
            self.expressions.append(parameters[0])
        return super().execute(sql, parameters)


@pytest.fixture(scope="module")
def recording_index(tmp_path_factory: pytest.TempPathFactory,
                    bundled_pack: Pack) -> tuple[SearchIndex, RecordingConnection]:
    path = tmp_path_factory.mktemp("index") / "search.sqlite"
    SearchIndex.build(bundled_pack, path).close()
    db = sqlite3.connect(path, factory=RecordingConnection)
    db.expressions = []
    return SearchIndex(db, bundled_pack.synonyms), db


@cache
def raw_fts5() -> sqlite3.Connection:
    """A bare table with the index's schema: here a bad expression raises."""
    db = sqlite3.connect(":memory:")
    db.execute(CREATE_TABLE)
    db.execute("INSERT INTO docs VALUES ('a', 'Pain', 'sore', 'ache', 'Pain and sleep.', 's')")
    return db


QUESTION_WORDS = st.sampled_from([
    "how", "can", "I", "my", "won't", "pain", "sleep", "fibromyalgia", "tramadol", "SSRI",
    "lyrica", "pregnant", "can't", "husband", "insurance", "zzzqq", "AND", "OR", "NOT", "NEAR",
    '"', "*", "-", "(", ")", "{title}:", "^", "ME", "ME/CFS", "low-dose", "\u2019", "_", "x",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(QUESTION_WORDS | st.text(max_size=12), max_size=12).map(" ".join))
def test_any_text_sends_only_valid_fts5_expressions(
        recording_index: tuple[SearchIndex, RecordingConnection], text: str) -> None:
    index, db = recording_index
    db.expressions.clear()
    for names_only in (False, True):
        hits = index.search(text, names_only=names_only)
        assert isinstance(hits, list)
    for expression in db.expressions:
        raw_fts5().execute("SELECT rowid FROM docs WHERE docs MATCH ?", (expression,))


def test_the_recording_sees_every_kind_of_expression(
        recording_index: tuple[SearchIndex, RecordingConnection]) -> None:
    index, db = recording_index
    db.expressions.clear()
    index.search("what is tramadol ssri")
    sent = " ".join(db.expressions)
    for part in ("{title also} :", "{title} :", " NOT ", " AND ", " OR ",
                 '"what is tramadol ssri"*'):
        assert part in sent


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_safe_query(text: str) -> None:
    query = parse_query(text, bundled_index().synonyms)
    for expression in (query.every_word(), query.every_word(wide=True), query.whole,
                       *(query.only({n}) for n in range(len(query.slots)))):
        if expression:
            raw_fts5().execute("SELECT rowid FROM docs WHERE docs MATCH ?", (expression,))
    assert isinstance(bundled_index().search(text), list)


def test_operators_are_just_words() -> None:
    assert parse_query("pain AND sleep").every_word() == '("pain"*) AND ("AND"*) AND ("sleep"*)'
    assert parse_query('"low dose" x').every_word() == '("low dose") AND ("x")'
    assert not parse_query("***")
    assert parse_query('"low dose" naltrexone').terms() == ["low dose", "naltrexone"]


def test_nonsense_finds_nothing() -> None:
    assert ids("zzzqqqxxx") == []


def small_index(make_pack: Callable[..., Path], synonyms: str = "") -> SearchIndex:
    files: dict[str, str | None] = {
        "articles/living/pacing.md": article("Pacing", "Rest and walk. Rest often."),
        "articles/living/walking.md": article("Walking", "Walk in the park. Rest after."),
        "articles/living/money.md": article("Paying for care", "Insurance and money."),
        "articles/living/kids.md": article("Children", "Insurance for kids who walk."),
    }
    if synonyms:
        files["synonyms.yml"] = synonyms
    return SearchIndex.build(load_pack(make_pack(files)))


def test_articles_with_every_word_come_first_then_the_rarest_words(
        make_pack: Callable[..., Path]) -> None:
    index = small_index(make_pack)

    def found(query: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        return [(h.article_id, h.matched, h.missed) for h in index.search(query)]

    assert found("walk rest") == [
        ("living/walking", ("walk", "rest"), ()),  # "walk" in the title first
        ("living/pacing", ("walk", "rest"), ()),
        ("living/kids", ("walk",), ("rest",)),
    ]
    assert found("walk rest insurance") == [
        ("living/walking", ("walk", "rest"), ("insurance",)),
        ("living/pacing", ("walk", "rest"), ("insurance",)),
        ("living/kids", ("walk", "insurance"), ("rest",)),
        ("living/money", ("insurance",), ("walk", "rest")),
    ]
    assert found("rest kids") == [  # "kids" is in one article, "rest" in two
        ("living/kids", ("kids",), ("rest",)),
        ("living/pacing", ("rest",), ("kids",)),
        ("living/walking", ("rest",), ("kids",)),
    ]
    assert index.search("walk rest")[0].complete
    assert not index.search("rest kids")[0].complete
    assert rarity(1, 10) > rarity(5, 10) > rarity(10, 10) > 0


def test_a_question_with_one_unknown_word_still_finds_pages() -> None:
    hits = bundled_index().search("insurance zzzqqq")
    assert hits
    assert hits[0].missed == ("zzzqqq",)
    assert all(not hit.complete for hit in hits)
    assert bundled_index().search("zzzqqq qqqzzz") == []


def test_words_that_carry_no_meaning_need_not_match() -> None:
    assert ids("how can I sleep")[0] == "other-treatments/sleep"
    assert bundled_index().search("how can I sleep")[0].matched == ("sleep",)


def test_a_title_that_says_just_what_was_typed_comes_first() -> None:
    assert ids("what is fibromyalgia")[0] == "understanding/what-is-fibromyalgia"
    first = bundled_index().search("what is fibromyalgia")[0]
    assert "<b>" in first.snippet_html
    names = bundled_index().search("what is fibromyalgia", names_only=True)
    assert names[0].article_id == "understanding/what-is-fibromyalgia"


def test_concepts_find_other_names_classes_and_members() -> None:
    assert ids("pregnant")[0] == "medicines/pregnancy-and-breastfeeding"
    assert ids("savella")[0] == "medicines/fda-approved-medicines"
    assert "medicines/tramadol" in ids("tramadol ssri")[:1]
    assert "medicines/why-not-strong-opioids" in ids("oxycodone")[:3]


def test_names_only_search_degrades_too() -> None:
    hits = bundled_index().search("my husband doesn't understand", names_only=True)
    assert "living-with-pain/relationships-and-family" in [h.article_id for h in hits]


def test_highlight_terms_include_synonyms() -> None:
    terms = bundled_index().terms("can I take Lyrica")
    assert terms[:2] == ["take", "Lyrica"]
    assert "pregabalin" in terms


def test_a_packs_own_concepts_shape_its_search(make_pack: Callable[..., Path]) -> None:
    assert small_index(make_pack).search("stroll") == []
    index = small_index(make_pack, "concepts:\n  - words: [stroll, walk]\n")
    assert [h.article_id for h in index.search("stroll")][:1] == ["living/walking"]


def test_a_damaged_index_is_an_error_not_an_empty_answer(make_pack: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    path = tmp_path / "search.sqlite"
    SearchIndex.build(load_pack(make_pack()), path).close()
    index = SearchIndex.open(path)
    assert index is not None
    index.close()  # as if the file went away under it
    with pytest.raises(SearchError):
        index.search("pacing")


def test_building_stops_when_asked(make_pack: Callable[..., Path],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "BUILD_BATCH", 1)
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= 2

    with pytest.raises(BuildCancelledError):
        SearchIndex.build(load_pack(make_pack()), cancelled=cancelled)
    assert len(asked) == 2  # it checked between batches and stopped at the first yes


def test_the_index_knows_how_many_articles_it_holds(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack())
    index = SearchIndex.build(pack)
    assert index.article_count == len(pack.articles)
    index.close()
