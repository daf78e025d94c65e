"""Reading what a reader typed: stop words, concepts, quoted phrases, FTS5 expressions."""

from __future__ import annotations

from guide.query import MAX_QUERY_WORDS, in_names, parse_query
from guide.stop_words import stop_words_for
from guide.synonyms import Concept, Synonyms

SYNONYMS = Synonyms((
    Concept(("pregabalin", "Lyrica")),
    Concept(("SSRI",), ("fluoxetine", "sertraline")),
    Concept(("fluoxetine", "Prozac")),
    Concept(("insomnia", "can't sleep")),
    Concept(("ME/CFS", "ME", "chronic fatigue syndrome")),
), stop_words_for("en"))


def labels(text: str) -> tuple[str, ...]:
    return parse_query(text, SYNONYMS).labels


def test_words_that_carry_no_meaning_are_left_out() -> None:
    assert labels("how can I keep working") == ("keep", "working")
    assert labels("my husband doesn't understand") == ("husband", "understand")
    assert labels("insurance won\u2019t pay") == ("insurance", "pay")  # typographic apostrophe


def test_a_query_of_stop_words_only_is_searched_as_typed() -> None:
    assert labels("how") == ("how",)
    assert labels("what is it") == ("what", "is", "it")


def test_capitals_keep_an_abbreviation_unless_everything_is_capitals() -> None:
    assert labels("is it ME") == ("ME",)
    assert labels("is it me") == ("is", "it", "me")  # only stop words: searched as typed
    assert labels("tired is it me") == ("tired",)
    assert labels("CAN I KEEP WORKING") == ("KEEP", "WORKING")


def test_hyphens_apostrophes_and_slashes_join_a_word() -> None:
    query = parse_query("low-dose ME/CFS", SYNONYMS)
    assert query.labels == ("low-dose", "ME/CFS")
    assert query.slots[0].narrow == '"low dose"*'


def test_a_concept_finds_its_other_names_and_members() -> None:
    slot = parse_query("lyrica", SYNONYMS).slots[0]
    assert slot.narrow == '"lyrica"* OR "pregabalin"'
    ssri = parse_query("SSRIs", SYNONYMS).slots[0]  # plural of a name
    assert ssri.narrow == '"SSRIs"* OR "fluoxetine" OR "sertraline" OR "Prozac"'
    assert ssri.wide == ssri.narrow


def test_a_member_also_finds_its_class_but_only_widely() -> None:
    slot = parse_query("prozac", SYNONYMS).slots[0]
    assert slot.narrow == '"prozac"* OR "fluoxetine"'
    assert slot.wide == '"prozac"* OR "fluoxetine" OR "SSRI"'
    assert parse_query("prozac", SYNONYMS).widens


def test_words_that_name_a_concept_together_are_one_slot() -> None:
    query = parse_query("I can't sleep at night", SYNONYMS)
    assert query.labels == ("can't sleep", "night")
    assert query.slots[0].narrow == '"sleep"* OR "insomnia"'
    assert "insomnia" in query.terms()


def test_a_name_made_of_stop_words_counts_only_in_capitals() -> None:
    assert parse_query("tired ME", SYNONYMS).slots[1].narrow.startswith('"ME"* OR "ME CFS"')
    assert parse_query("tell me more", SYNONYMS).slots[0].narrow == '"tell"*'


def test_quoted_phrases_match_exactly_and_keep_their_place() -> None:
    query = parse_query('sleep "can\'t sleep" lyrica', SYNONYMS)
    assert query.labels == ("sleep", '"can t sleep"', "lyrica")
    assert query.slots[1].narrow == '"can t sleep"'
    assert query.whole == ""


def test_every_word_only_and_the_whole_phrase() -> None:
    query = parse_query("what is fibromyalgia pain", SYNONYMS)
    assert query.every_word() == '("fibromyalgia"*) AND ("pain"*)'
    assert query.only({1}) == '(("pain"*)) NOT (("fibromyalgia"*))'
    assert query.whole == '"what is fibromyalgia pain"*'
    assert in_names(query.whole) == '{title also} : ("what is fibromyalgia pain"*)'


def test_repeated_words_count_once_and_long_queries_are_cut() -> None:
    assert labels("pain pain PAIN") == ("pain",)
    words = [f"word{n}" for n in range(40)]
    assert len(labels(" ".join(words))) == MAX_QUERY_WORDS


def test_nothing_searchable() -> None:
    for text in ("", "   ", "***", '""', "\u200b", "_"):
        assert not parse_query(text, SYNONYMS)
