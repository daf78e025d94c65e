"""List markers written into the text, so screen readers read "1." and bullets."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from guide.list_markers import mark_lists, marked_items


def _marked(html: str) -> str:
    root = ET.fromstring(f"<div>{html}</div>")  # noqa: S314 - our own test markup
    mark_lists(root)
    return ET.tostring(root, encoding="unicode")


def test_bullets_by_depth_and_numbers_from_start() -> None:
    html = _marked('<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>'
                   '<ol start="3"><li>x</li><li>y</li></ol>')
    assert '<li class="m1">\u2022\u00a0a' in html
    assert '<li class="m2">\u25e6\u00a0b' in html
    assert '<li class="m3">\u25aa\u00a0c' in html
    assert '<li class="n1">3.\u00a0x</li><li class="n1">4.\u00a0y</li>' in html
    assert html.count('class="marked"') == 4


def test_loose_items_mark_their_first_paragraph_and_indent_the_rest() -> None:
    html = _marked("<ol><li><p>First</p><p>More</p></li></ol>")
    assert '<p class="n1">1.\u00a0First</p><p class="c1">More</p>' in html


def test_task_lists_keep_their_boxes() -> None:
    html = _marked('<ul class="task-list"><li>\u2610 buy</li></ul>')
    assert "\u2022" not in html
    assert "marked" not in html


def test_a_stashed_block_paragraph_stays_bare() -> None:
    root = ET.fromstring("<div><ul><li><p>Type:</p><p>stash</p></li></ul></div>")  # noqa: S314
    stashed = root[0][0][1]
    stashed.text = "\x02wzxhzdk:0\x03"  # Python-Markdown's placeholder for a fenced block
    mark_lists(root)
    assert stashed.get("class") is None


def test_generated_lists() -> None:
    assert marked_items(["<b>x</b>", "y"], ordered=True) == (
        '<li class="n1">1.\u00a0<b>x</b></li><li class="n1">2.\u00a0y</li>')
    assert marked_items(["z"], ordered=False) == '<li class="m1">\u2022\u00a0z</li>'
