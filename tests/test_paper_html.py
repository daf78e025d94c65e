"""Article HTML made for paper: links become words and written addresses."""

from __future__ import annotations

from guide.paper_html import first_statement, paper_html

MARK = "\u00a0\u2197"


def test_glossary_marks_and_links_between_articles_become_plain_words() -> None:
    html = ('<p>An <a class="term" href="article:glossary#opioid" title="Opioid: ...">opioid'
            '</a>; see <a href="article:medicines/tramadol" title="Tramadol">tramadol</a>.</p>')
    assert paper_html(html) == "<p>An opioid; see tramadol.</p>"


def test_web_links_have_their_address_written_out_once() -> None:
    html = (f'<p><a class="external" href="https://example.org/a?b=1&amp;c=2">the leaflet'
            f'<span class="external-mark">{MARK}</span></a>, '
            f'<a class="external" href="https://www.nhs.uk/">nhs.uk{MARK}</a> and '
            '<a href="mailto:help@example.org">write to us</a>.</p>')
    assert paper_html(html) == (
        "<p>the leaflet (https://example.org/a?b=1&amp;c=2), nhs.uk and "
        "write to us (help@example.org).</p>")


def test_everything_else_is_kept_as_it_was() -> None:
    html = ('<h2 id="risks"><a name="risks"></a>Risks &amp; benefits</h2>'
            '<table class="data" border="1"><tr><td>a<br>b</td></tr></table>'
            '<p><img src="pack:articles/a.png" alt="A"> &#169;</p>')
    assert paper_html(html) == html


def test_the_first_statement_skips_a_short_lead_in() -> None:
    html = ("<h2>Before you start</h2><p>Please read this first.</p>"
            "<p><strong>This guide gives information only.</strong> It is not medical advice "
            "and cannot replace your doctor.</p><p>More.</p>")
    assert first_statement(html, 10) == (
        "<strong>This guide gives information only.</strong> It is not medical advice "
        "and cannot replace your doctor.")
    assert first_statement("<p>Short.</p><p>Also short.</p>", 10) == "Short."
    assert first_statement("<h2>Only a heading</h2>", 10) == ""
