"""The reader's questions for the doctor, and the questions an article suggests asking."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

QUESTIONS_TITLE = "My questions for the doctor"
OTHER_QUESTIONS = "Other questions"
"""The group of questions about no article in particular."""
MAX_QUESTION_LENGTH = 600
"""Longest question kept, in characters (a paragraph; longer text is cut there)."""

QUESTIONS_HEADING = re.compile(r"^questions?\b.*\bask\b", re.IGNORECASE)
"""A heading that opens an article's suggested questions: "Questions to ask your doctor"."""

ASK_SCHEME = "ask"
"""Scheme of the links at the end of an article that add questions."""
ADD_QUESTION_HREF = f"{ASK_SCHEME}:question"
ADD_SUGGESTED_HREF = f"{ASK_SCHEME}:suggested"
SHOW_QUESTIONS_HREF = f"{ASK_SCHEME}:list"

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Question:
    """One question the reader wants to ask, about an article (``article_id``) or none ("")."""

    article_id: str
    text: str


def clean_question(text: str) -> str:
    """A question as typed, on one line, without surrounding space, at most the maximum length."""
    return " ".join(text.split())[:MAX_QUESTION_LENGTH]


def plain_inline(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their words, emphasis and code marks go."""
    text = _LINK.sub(r"\1", markdown)
    previous = None
    while previous != text:  # nested emphasis: **a *b* c**
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def suggested_questions(body: str) -> tuple[str, ...]:
    """The list under an article's "Questions to ask ..." heading, as plain text.

    Every list item up to the next heading of the same or a higher level counts; lines that
    continue an item are joined to it. Articles without such a heading suggest nothing.
    """
    questions: list[str] = []
    level = 0  # the open questions heading's level; 0 outside one
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            depth, text = len(heading.group(1)), plain_inline(heading.group(2))
            if level and depth <= level:
                level = 0
            if not level and QUESTIONS_HEADING.match(text):
                level = depth
            continue
        if not level:
            continue
        item = _ITEM.match(line)
        if item:
            questions.append(item.group(1))
        elif line.strip() and questions and line[:1].isspace():
            questions[-1] += " " + line.strip()
    found = (clean_question(plain_inline(q)) for q in questions)
    return tuple(dict.fromkeys(q for q in found if q))


def grouped(questions: Sequence[Question]) -> list[tuple[str, list[Question]]]:
    """Questions by article, each article where its first question is, in the reader's order."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.article_id, []).append(question)
    return list(groups.items())


def flattened(groups: Sequence[tuple[str, Sequence[Question]]]) -> list[Question]:
    """The list that :func:`grouped` came from (groups kept together, in their order)."""
    return [question for _article, items in groups for question in items]


def moved(questions: Sequence[Question], index: int, step: int) -> list[Question]:
    """Move a question one place up (-1) or down (+1) within its article's group.

    ``index`` counts in the grouped order (:func:`grouped`); at either end nothing moves.
    """
    ordered = flattened(grouped(questions))
    target = index + step
    if 0 <= index < len(ordered) and 0 <= target < len(ordered) \
            and ordered[target].article_id == ordered[index].article_id:
        ordered[index], ordered[target] = ordered[target], ordered[index]
    return ordered


def moved_group(questions: Sequence[Question], article_id: str, step: int) -> list[Question]:
    """Move an article's whole group of questions one group up (-1) or down (+1)."""
    groups = grouped(questions)
    position = next(i for i, (article, _items) in enumerate(groups) if article == article_id)
    target = position + step
    if 0 <= target < len(groups):
        groups[position], groups[target] = groups[target], groups[position]
    return flattened(groups)


def page_end_html(article_id: str, body: str, questions: Sequence[Question]) -> str:
    """The end of an article on screen: the reader's questions about it, and links to add more.

    The links use :data:`ASK_SCHEME`; the window handles them (the article view ignores them).
    """
    mine = [q for q in questions if q.article_id == article_id]
    suggested = suggested_questions(body)
    texts = {q.text for q in mine}
    missing = [q for q in suggested if q not in texts]
    parts = [f'<h2 class="my-questions">{QUESTIONS_TITLE}</h2>']
    if mine:
        items = "".join(f"<li>{escape(q.text)}</li>" for q in mine)
        parts.append(f'<ul class="my-questions">{items}</ul>')
    else:
        parts.append("<p>Write down what you want to ask about this at your next "
                     "appointment. Your questions stay on this computer.</p>")
    links = [f'<a href="{ADD_QUESTION_HREF}">Add a question\u2026</a>']
    if missing:
        count = len(missing)
        what = "the suggested question" if count == 1 else f"the {count} suggested questions"
        links.append(f'<a href="{ADD_SUGGESTED_HREF}">Add {what}</a>')
    if questions:
        links.append(f'<a href="{SHOW_QUESTIONS_HREF}">See all my questions ({len(questions)})'
                     "</a>")
    parts.append('<p class="my-questions">' + " &nbsp;\u00b7&nbsp; ".join(links) + "</p>")
    return "\n".join(parts)
