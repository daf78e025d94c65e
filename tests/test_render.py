"""Markdown to HTML: string in, string out, no Qt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.model import Pack
from guide.render import DRAFT_BADGE, Renderer, sanitise
from tests.conftest import article


@pytest.fixture
def renderer(tiny_pack: Pack) -> Renderer:
    return Renderer(tiny_pack)


def test_relative_md_links_become_article_links(renderer: Renderer) -> None:
    html = renderer.markdown_to_html("[b](beta.md#risks) [h](../welcome.md)", "treatments/alpha")
    assert '<a href="article:treatments/beta#risks" title="Beta treatment">b</a>' in html
    assert '<a href="article:welcome" title="Welcome">h</a>' in html


def test_same_page_anchor_links_are_kept(renderer: Renderer) -> None:
    assert '<a href="#risks">r</a>' in renderer.markdown_to_html("[r](#risks)", "x")


def test_external_links_are_marked(renderer: Renderer) -> None:
    html = renderer.markdown_to_html("[site](https://example.org/a)", "treatments/alpha")
    assert 'class="external"' in html
    assert 'title="Opens in your web browser: https://example.org/a"' in html
    assert "\u2197" in html


def test_unknown_links_are_visibly_marked_not_followable(renderer: Renderer) -> None:
    html = renderer.markdown_to_html("[gone](gone.md) [evil](javascript:alert(1))", "welcome")
    assert "<a " not in html
    assert html.count("(link not found)") == 1
    assert html.count("(link does not work in this guide)") == 1
    assert 'title="Link not found in this guide: gone.md"' in html
    assert 'title="The guide does not open javascript: links: javascript:alert(1)"' in html


def test_headings_get_scroll_anchors(renderer: Renderer) -> None:
    html = renderer.markdown_to_html("## Side effects\n\ntext", "x")
    assert '<h2 id="side-effects"><a name="side-effects"></a>Side effects</h2>' in html


def test_callouts_become_framed_boxes(renderer: Renderer) -> None:
    html = renderer.markdown_to_html(
        '!!! warning "Not standard of care"\n    Off-label use.\n', "x")
    assert 'class="callout callout-warning"' in html
    assert '<p class="callout-title">Not standard of care</p>' in html
    assert "<p>Off-label use.</p>" in html
    assert "<div" not in html


def test_tables_render(renderer: Renderer) -> None:
    html = renderer.markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n", "x")
    assert '<table border="1" cellpadding="4" cellspacing="0" class="data">' in html
    assert "<td>2</td>" in html


def test_raw_html_is_sanitised() -> None:
    dirty = ('<p onclick="steal()">hi<script>alert(1)</script></p>'
             '<img src="https://tracker.example/p.gif"><iframe src="https://x"></iframe>'
             '<a href="javascript:alert(1)">j</a><span style="background:url(http://x)">s</span>')
    clean = sanitise(dirty)
    for bad in ("onclick", "script", "alert(1)", "tracker", "iframe", "javascript", "style"):
        assert bad not in clean
    assert "<p>hi</p>" in clean
    assert "Picture not loaded" in clean


def test_pack_images_are_served_remote_and_missing_ones_are_not(
        make_pack: Callable[..., Path]) -> None:
    body = "![Chart](images/chart.png) ![Remote](https://example.org/x.png) ![Gone](no.png)"
    pack = load_pack(make_pack({
        "articles/treatments/alpha.md": article("Alpha", body),
        "articles/treatments/images/chart.png": b"\x89PNG\r\n\x1a\n",
    }))
    html = Renderer(pack).markdown_to_html(body, "treatments/alpha")
    assert '<img alt="Chart" src="pack:articles/treatments/images/chart.png">' in html
    assert "example.org" not in html.replace("title=\"https://example.org/x.png\"", "")
    assert "[Picture not loaded: pictures from the internet are never fetched: Remote]" in html
    assert "[Picture missing from this guide: Gone]" in html


def test_article_page_has_header_status_sources_and_related(renderer: Renderer,
                                                            tiny_pack: Pack) -> None:
    alpha = tiny_pack.article("treatments/alpha")
    assert alpha is not None
    html = renderer.article_html(alpha)
    assert html.index("<h1>Alpha treatment</h1>") < html.index('class="summary"')
    assert "Last edited 27 November 2026" in html
    assert "Last reviewed" not in html  # no clinician is named: the date is not a review date
    assert "Next review due 27 November 2027" in html
    assert DRAFT_BADGE in html
    assert "<h2>Sources</h2>" in html
    assert "An Org. <i>A source</i> (2020)." in html
    assert ('<h2>Related articles</h2><ul class="related marked"><li class="m1">\u2022&nbsp;'
            '<a href="article:treatments/beta">Beta treatment</a></li></ul>') in html


def test_long_articles_get_a_table_of_contents(make_pack: Callable[..., Path]) -> None:
    body = "\n\n".join(f"## Part {n}\n\nText." for n in range(1, 6))
    pack = load_pack(make_pack({"articles/living/pacing.md": article("Pacing", body)}))
    pacing = pack.article("living/pacing")
    assert pacing is not None
    html = Renderer(pack).article_html(pacing)
    assert "On this page" in html
    assert '<a href="#part-5">Part 5</a>' in html
    beta = pack.article("treatments/beta")
    assert beta is not None
    assert "On this page" not in Renderer(pack).article_html(beta)


def test_reviewed_article_shows_reviewer_not_draft(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": article(
        "Pacing", status="reviewed", reviewed_by="Dr A. Example, rheumatologist")}))
    pacing = pack.article("living/pacing")
    assert pacing is not None
    html = Renderer(pack).article_html(pacing)
    assert DRAFT_BADGE not in html
    assert "Reviewed by Dr A. Example, rheumatologist" in html
    assert "Last reviewed 27 November 2026" in html


def test_broken_article_renders_a_readable_error_page(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": b"---\ntitle: x\n\xff\n---\n"}))
    pacing = pack.article("living/pacing")
    assert pacing is not None
    html = Renderer(pack).article_html(pacing)
    assert "This article cannot be shown" in html
    assert "articles/living/pacing.md" in html
    assert "rest of the guide works normally" in html


def test_facts_page_lists_every_fact_with_its_source(renderer: Renderer) -> None:
    html = renderer.facts_html()
    assert "Pain is common." in html
    assert "Sleep Org. <i>Sleep facts</i> (2021)." in html


def test_renderer_resets_between_documents(renderer: Renderer) -> None:
    renderer.markdown_to_html("## Same\n\n## Same", "x")
    html = renderer.markdown_to_html("## Same", "x")
    assert 'id="same"' in html
    assert "same_1" not in html


def test_source_addresses_follow_the_link_policy(make_pack: Callable[..., Path]) -> None:
    sources = ("\n  - title: On the web\n    url: https://example.org/s"
               "\n  - title: A script\n    url: javascript:alert(1)"
               "\n  - title: An old server\n    url: ftp://example.org/old")
    pack = load_pack(make_pack({
        "articles/living/pacing.md": article("Pacing", sources=sources),
        "facts.yml": "facts:\n  - text: A fact.\n    source: {title: F, url: 'file:///f'}\n",
    }))
    pacing = pack.article("living/pacing")
    assert pacing is not None
    renderer = Renderer(pack)
    html = renderer.article_html(pacing)
    assert ('<a class="external" href="https://example.org/s" title="Opens in your web '
            'browser: https://example.org/s">https://example.org/s') in html
    assert ('<span class="broken" title="The guide does not open javascript: links">'
            "javascript:alert(1)</span>") in html
    assert ('<span class="broken" title="The guide does not open ftp: links">'
            "ftp://example.org/old</span>") in html
    assert 'href="javascript' not in html
    assert 'href="ftp' not in html
    facts = renderer.facts_html()
    assert '<span class="broken" title="The guide does not open file: links">file:///f</span>' in (
        facts)
    assert "href=\"file" not in facts


def test_every_page_is_what_the_sanitiser_lets_through(bundled_pack: Pack,
                                                       make_pack: Callable[..., Path]) -> None:
    """Nothing reaches the viewer around the sanitiser: each page is already clean."""
    broken = load_pack(make_pack({"articles/living/pacing.md": b"---\ntitle: x\n\xff\n---\n"}))
    for pack in (bundled_pack, broken):
        renderer = Renderer(pack)
        pages = [renderer.article_html(a) for a in pack.articles.values()]
        pages += [renderer.facts_html(), renderer.contact_html(), renderer.disclaimer_html()]
        for page in pages:
            assert sanitise(page) == page


def test_a_source_address_cannot_smuggle_markup(make_pack: Callable[..., Path]) -> None:
    sources = "\n  - title: Odd\n    url: 'https://example.org/\"><img src=x onerror=alert(1)>'"
    pack = load_pack(make_pack({"articles/living/pacing.md": article("Pacing", sources=sources)}))
    pacing = pack.article("living/pacing")
    assert pacing is not None
    html = Renderer(pack).article_html(pacing)
    assert "onerror" not in html.replace("onerror=alert(1)&gt;", "")
    assert "<img" not in html
