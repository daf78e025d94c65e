"""Flesch-Kincaid grade of Markdown text."""

from __future__ import annotations

import pytest

from guide.readability import count_syllables, measure, plain_text


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
