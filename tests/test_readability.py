"""Flesch-Kincaid grade of Markdown text."""

from __future__ import annotations

import pytest

from guide.readability import (
    MAX_READING_GRADE,
    MIN_WORDS_TO_MEASURE,
    as_passage,
    count_syllables,
    grade_above_limit,
    measure,
    plain_text,
)


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("pain", 1), ("doctor", 2), ("medicine", 3), ("relaxation", 4),
    ("infusion", 3), ("tired", 1), ("table", 2), ("don't", 1),
])
def test_syllable_heuristic(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_plain_sentences_score_low_and_jargon_scores_high() -> None:
    easy = measure("You may feel tired. Rest when you can. Ask your doctor for help.")
    hard = measure("Interdisciplinary rehabilitation demonstrates statistically significant "
                   "improvements concerning multidimensional functional capacity.")
    assert easy.grade < 4
    assert hard.grade > 16


def test_lists_and_headings_count_as_sentences_markup_is_ignored() -> None:
    text = "## Side effects\n\n- feeling sick\n- dizziness\n\nSee [the page](x.md). `code here`"
    assert "code here" not in plain_text(text)
    result = measure(text)
    assert result.sentences == 4
    assert result.words == 8


def test_empty_text_has_grade_zero() -> None:
    assert measure("").grade == 0.0


def test_only_texts_above_the_limit_and_long_enough_to_grade_are_reported() -> None:
    assert grade_above_limit("You may feel tired. Rest when you can. Ask your doctor for help.") \
        is None
    hard = ("Interdisciplinary rehabilitation demonstrates statistically significant "
            "improvements concerning multidimensional functional capacity.")
    grade = grade_above_limit(hard)
    assert grade is not None
    assert grade > MAX_READING_GRADE
    # nine words are too few to grade: one long word would decide the result
    assert grade_above_limit("Interdisciplinary rehabilitation demonstrates statistically "
                             "significant improvements concerning multidimensional capacity.") \
        is None
    assert MIN_WORDS_TO_MEASURE == 10


def test_at_a_glance_lines_are_read_as_one_passage_of_sentences() -> None:
    assert as_passage(["Not standard of care", "Used off-label.", "Costly!"]) == (
        "Not standard of care. Used off-label. Costly!")
    assert measure(as_passage(["one two", "three four"])).sentences == 2
