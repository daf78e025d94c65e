"""Handouts for the doctor as HTML: what an article, the whole guide and my questions print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from guide.content import load_pack
from guide.handout import HandoutWriter
from guide.model import Pack
from guide.questions import QUESTIONS_TITLE, Question
from guide.render import DRAFT_BADGE, Renderer
from tests.conftest import article

PRINTED = dt.date(2026, 12, 3)
SOURCES = ("\n  - title: Web page\n    publisher: Web Org\n    year: 2024\n"
           "    url: https://example.org/alpha?x=1\n"
           "  - title: A paper\n    publisher: Journal\n    year: 2020\n    doi: 10.1000/xyz")


def writer(pack: Pack) -> HandoutWriter:
    return HandoutWriter(pack, Renderer(pack), PRINTED)


def test_an_article_prints_its_header_body_and_sources_with_addresses(
        make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({
        "glossary.yml": "terms:\n  - term: Flare\n    definition: A bad spell.\n",
        "articles/treatments/alpha.md": article(
            "Alpha treatment", "## Risks\n\nA flare, see [the site](https://example.org/x).",
            sources=SOURCES, evidence="Weak."),
    }))
    handout = writer(pack).article("treatments/alpha")
    html = handout.html
    assert handout.title == "Alpha treatment"
    for expected in ("Test Guide", "<h1>Alpha treatment</h1>", "About alpha treatment.",
                     DRAFT_BADGE, "Last edited 27 November 2026",
                     "How strong is the evidence?", ("A flare, see the site "
                     "(https://example.org/x)."), "<h2>Sources</h2>",
                     "https://example.org/alpha?x=1", "https://doi.org/10.1000/xyz"):
        assert expected in html, expected
    assert "href=" not in html, "nothing on paper can be clicked"
    assert 'class="term"' not in html
    assert handout.notice == "This is <strong>information only</strong>."
    assert handout.credit == "Printed 3 December 2026 \u00b7 Health Guide \u00b7 Test Guide"
    assert handout.edition == "Health Guide"
    assert handout.logo is not None
    assert handout.logo.name == "health-guide.svg"
    assert not handout.one_page


def test_a_reviewed_article_says_who_reviewed_it(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": article(
        "Pacing", status="reviewed", reviewed_by="Dr A. Example")}))
    html = writer(pack).article("living/pacing").html
    assert "Reviewed by Dr A. Example" in html
    assert "Last reviewed 27 November 2026" in html
    assert DRAFT_BADGE not in html


def test_the_edition_logo_heads_the_page(make_pack: Callable[..., Path]) -> None:
    root = make_pack({"logo.png": b"not really a png"})
    (root / "guide.yml").write_text((root / "guide.yml").read_text() + "logo: logo.png\n")
    handout = writer(load_pack(root)).article("welcome")
    assert handout.logo == root / "logo.png"
    assert '<img src="handout:logo"' in handout.html


def test_the_whole_guide_has_contents_and_each_article_as_a_part(tiny_pack: Pack) -> None:
    guide = writer(tiny_pack).whole_guide()
    assert [part.title for part in guide.parts] == [
        "Welcome", "Alpha treatment", "Beta treatment", "Pacing"]
    assert "<h2>Contents</h2>" in guide.html
    assert "Treatments" in guide.html
    assert "Living well" in guide.html
    numbered = writer(tiny_pack).whole_guide({"part-1": 2, "part-4": 5}).html
    assert '<td class="contents-page" align="right" width="48">5</td>' in numbered
    assert numbered.count('<h1 class="part">') == 4


def test_my_questions_are_grouped_under_their_articles(tiny_pack: Pack) -> None:
    sheet = writer(tiny_pack).questions([
        Question("treatments/alpha", "Is alpha safe for me?"),
        Question("", "Can I get a sick note?"),
        Question("gone/away", "Old <question>?"),
        Question("treatments/alpha", "How long does it take?"),
    ])
    html = sheet.html
    assert sheet.title == QUESTIONS_TITLE
    assert sheet.one_page
    assert html.index("Alpha treatment") < html.index("Is alpha safe for me?") < html.index(
        "How long does it take?") < html.index("Other questions") < html.index("gone/away")
    assert "Old &lt;question&gt;?" in html
    assert "no longer in this guide" in html


def test_the_default_guide_footer_quotes_the_disclaimer_statement(bundled_pack: Pack) -> None:
    assert writer(bundled_pack).notice().startswith(
        "<strong>This guide gives information only.</strong> It is not medical advice.")
