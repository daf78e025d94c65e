"""Suggested questions from an article, and the reader's questions kept in order."""

from __future__ import annotations

import textwrap

from guide.model import Pack
from guide.questions import (
    MAX_QUESTION_LENGTH,
    Question,
    clean_question,
    grouped,
    moved,
    moved_group,
    suggested_questions,
)

BODY = textwrap.dedent("""\
    ## What it is

    - Not a question, just a list.

    ## Questions to ask your doctor

    - Is it safe with my **other** medicines?
    - How will we know if it is
      working?
    1. Should I read [the leaflet](leaflet.md)?

    ```
    - not an item: code
    ```

    ### Before the appointment

    - Write them down.

    ## When to get help

    - Not a question either.
    """)


def test_the_list_under_a_questions_to_ask_heading_is_suggested() -> None:
    assert suggested_questions(BODY) == (
        "Is it safe with my other medicines?",
        "How will we know if it is working?",
        "Should I read the leaflet?",
        "Write them down.",  # a sub-heading stays inside the section
    )


def test_other_headings_and_articles_without_one_suggest_nothing() -> None:
    assert suggested_questions("## Step 3: write your questions\n\n- Ask this?\n") == ()
    assert suggested_questions("No headings at all.\n\n- Ask?\n") == ()


def test_the_default_guide_suggests_questions_in_most_articles(bundled_pack: Pack) -> None:
    suggesting = [a for a in bundled_pack.articles.values() if suggested_questions(a.body)]
    assert len(suggesting) >= 30
    tramadol = suggested_questions(bundled_pack.articles["medicines/tramadol"].body)
    assert "Should I have naloxone at home?" in tramadol


def test_a_typed_question_is_one_line_and_not_endless() -> None:
    assert clean_question("  What  about\n sleep? ") == "What about sleep?"
    assert len(clean_question("why " * 1000)) == MAX_QUESTION_LENGTH


def test_questions_are_grouped_by_article_in_the_readers_order() -> None:
    questions = [Question("b", "1"), Question("a", "2"), Question("b", "3"), Question("", "4")]
    assert grouped(questions) == [
        ("b", [Question("b", "1"), Question("b", "3")]),
        ("a", [Question("a", "2")]),
        ("", [Question("", "4")]),
    ]


def test_moving_a_question_stays_inside_its_group() -> None:
    questions = [Question("b", "1"), Question("b", "2"), Question("a", "3")]
    assert moved(questions, 1, -1) == [Question("b", "2"), Question("b", "1"), Question("a", "3")]
    assert moved(questions, 1, +1) == questions, "the next one is another article's"
    assert moved(questions, 0, -1) == questions


def test_moving_a_group_moves_all_its_questions() -> None:
    questions = [Question("b", "1"), Question("a", "2"), Question("b", "3")]
    assert moved_group(questions, "a", -1) == [
        Question("a", "2"), Question("b", "1"), Question("b", "3")]
    assert moved_group(questions, "a", +1) == [
        Question("b", "1"), Question("b", "3"), Question("a", "2")]
