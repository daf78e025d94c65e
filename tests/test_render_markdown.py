"""Markdown as volunteers write it renders as GitHub shows it (issue 11): string in, string out.

Each test names the defect it covers; the inputs are written for these tests (the author
cases in ``tests/corpus/authors`` are compared with GitHub's renderer in
``tests/test_markdown_conformance.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.list_markers import unmarked
from guide.model import Pack
from guide.render import Renderer
from tests.conftest import article


@pytest.fixture
def render(tiny_pack: Pack) -> Callable[[str], str]:
    renderer = Renderer(tiny_pack)
    return lambda text: renderer.markdown_to_html(text, "treatments/alpha")


def squeeze(html: str) -> str:
    """The HTML without line breaks between tags or list markers, for readable assertions.

    Markers written into list items for screen readers are tested in test_list_markers.py.
    """
    return re.sub(r">\s+<", "><", unmarked(html)).strip()


# 1. a list straight after a sentence, a numbered step list and a bold label

@pytest.mark.parametrize(("text", "expected"), [
    ("Call 999 if the person:\n- has chest pain\n- is not breathing\n",
     "<p>Call 999 if the person:</p><ul><li>has chest pain</li><li>is not breathing</li></ul>"),
    ("To take it:\n1. Swallow it whole.\n2. Drink water.\n",
     "<p>To take it:</p><ol><li>Swallow it whole.</li><li>Drink water.</li></ol>"),
    ("**Side effects**\n- a dry mouth\n- sleepiness\n",
     "<p><strong>Side effects</strong></p><ul><li>a dry mouth</li><li>sleepiness</li></ul>"),
])
def test_a_list_right_after_a_sentence_is_a_list(render: Callable[[str], str], text: str,
                                                  expected: str) -> None:
    assert squeeze(render(text)) == expected


def test_a_number_inside_a_sentence_does_not_start_a_list(render: Callable[[str], str]) -> None:
    assert squeeze(render("The clinic opened in\n2019. It has grown.\n")) == (
        "<p>The clinic opened in\n2019. It has grown.</p>")


# 2. sub-lists indented by 2 or 3 spaces (GitHub's editor, VS Code, Prettier), and by 4

@pytest.mark.parametrize("text", [
    "- Medicines\n  - tablets\n  - patches\n- Therapies\n",
    "1. Medicines\n   - tablets\n   - patches\n2. Therapies\n",
    "- Medicines\n    - tablets\n    - patches\n- Therapies\n",
])
def test_sub_lists_nest_at_two_three_and_four_spaces(render: Callable[[str], str],
                                                     text: str) -> None:
    html = squeeze(render(text))
    assert "Medicines<ul><li>tablets</li><li>patches</li></ul></li><li>Therapies</li>" in html


def test_a_fence_inside_a_list_item_stays_in_the_item(render: Callable[[str], str]) -> None:
    html = squeeze(render("1. Open a terminal.\n2. Type:\n\n   ```\n   health-guide check\n"
                          "   ```\n\n3. Read the report.\n"))
    assert "<li><p>Type:</p><pre" in html
    assert html.count("<ol>") == 1


def test_numbers_with_a_bracket_make_a_list(render: Callable[[str], str]) -> None:
    assert squeeze(render("Steps:\n\n1) Stop.\n2) Breathe.\n")) == (
        "<p>Steps:</p><ol><li>Stop.</li><li>Breathe.</li></ol>")


# 3. a tag named in a sentence never eats the text after it

@pytest.mark.parametrize("tag", ["script", "style", "template", "title", "textarea", "iframe",
                                 "noscript", "xmp"])
def test_a_tag_named_in_prose_is_shown_as_text(render: Callable[[str], str], tag: str) -> None:
    html = render(f"Never paste a <{tag}> tag here. The rest stays.\n\nSo does this.\n")
    assert f"Never paste a &lt;{tag}&gt; tag here. The rest stays." in html
    assert "<p>So does this.</p>" in html


def test_script_blocks_are_shown_as_text_never_run(render: Callable[[str], str]) -> None:
    html = render('<script>alert("x")</script>\n\n<p onclick="steal()">Hello</p>\n')
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "onclick" not in html
    assert "Hello" in html


# 5. tables: after a sentence, ended by the next heading, aligned

def test_a_table_right_after_a_sentence_is_a_table(render: Callable[[str], str]) -> None:
    html = squeeze(render("Doses:\n| Medicine | Dose |\n| --- | --- |\n| Paracetamol | 1 g |\n"))
    assert html.startswith("<p>Doses:</p><table")
    assert "<td>Paracetamol</td><td>1 g</td>" in html


def test_a_table_does_not_swallow_the_heading_after_it(render: Callable[[str], str]) -> None:
    html = squeeze(render("| Day | Plan |\n| --- | --- |\n| Monday | Walk |\n## Next steps\n\n"
                          "Plan the week.\n"))
    assert "</table><h2" in html
    assert "Next steps</h2><p>Plan the week.</p>" in html


def test_table_columns_keep_their_alignment(render: Callable[[str], str]) -> None:
    html = render("| Item | Count | Cost |\n| :-- | :-: | --: |\n| Pills | 28 | 3.50 |\n")
    assert '<td align="left">Pills</td>' in html
    assert '<td align="center">28</td>' in html
    assert '<td align="right">3.50</td>' in html


def test_an_escaped_pipe_in_code_is_a_pipe(render: Callable[[str], str]) -> None:
    assert "<code>a | b</code>" in render("| Sign | Means |\n| --- | --- |\n| `a \\| b` | x |\n")


# 6. one source of headings and anchors, Unicode included

def test_headings_get_githubs_anchors(render: Callable[[str], str]) -> None:
    html = render("## 治疗方法\n\n## Using *pacing* well\n\n## The `dose_check` tool\n\n"
                  "Side effects\n------------\n\n## Side effects\n")
    for anchor in ("治疗方法", "using-pacing-well", "the-dose_check-tool", "side-effects",
                   "side-effects-1"):
        assert f'<a name="{anchor}"></a>' in html


def test_the_article_headings_are_the_pages_anchors(make_pack: Callable[..., Path]) -> None:
    body = ("## 治疗方法\n\ntext\n\n## العلاج\n\ntext\n\nSetext heading\n--------------\n\n"
            "## Using *pacing* and __rest__\n\n## Side effects\n\n## Side effects\n")
    pack = load_pack(make_pack({"articles/living/pacing.md": article("Pacing", body)}))
    pacing = pack.article("living/pacing")
    assert pacing is not None
    html = Renderer(pack).article_html(pacing)
    page_anchors = re.findall(r'<a name="([^"]+)"></a>', html)
    assert [h.anchor for h in pacing.headings] == page_anchors
    assert [h.anchor for h in pacing.headings] == [
        "治疗方法", "العلاج", "setext-heading", "using-pacing-and-rest", "side-effects",
        "side-effects-1"]
    for heading in pacing.headings:  # the "On this page" list links to the same anchors
        assert f'<a href="#{heading.anchor}">{heading.text}</a>' in html


# 9. '#' headings are kept; '#1' is a sentence

def test_h1_headings_are_kept(render: Callable[[str], str]) -> None:
    html = render("# About this page\n\nText.\n")
    assert '<h1 class="in-article" id="about-this-page">' in html
    assert "About this page</h1>" in html


def test_a_hash_before_a_word_is_not_a_heading(render: Callable[[str], str]) -> None:
    html = squeeze(render("#1 cause of pain at night is poor sleep.\n\n#hashtag\n"))
    assert html == "<p>#1 cause of pain at night is poor sleep.</p><p>#hashtag</p>"


# 10. strikethrough, fenced code, task lists, footnotes

def test_strikethrough_is_struck_through(render: Callable[[str], str]) -> None:
    html = render("~~Use butter on burns.~~ Cool the burn. The ~old~ way. About ~20 to ~30 mg.")
    assert "<del>Use butter on burns.</del>" in html
    assert "<del>old</del>" in html
    assert "About ~20 to ~30 mg." in html
    assert "~~" not in html


@pytest.mark.parametrize("fence", ["```", "~~~", "```yaml"])
def test_fenced_code_is_a_code_block(render: Callable[[str], str], fence: str) -> None:
    html = squeeze(render(f"Type this:\n{fence}\ntitle: Sleep\n  order: 2\n{fence[:3]}\nDone.\n"))
    assert "<p>Type this:</p><pre" in html
    assert "title: Sleep\n  order: 2</code></pre><p>Done.</p>" in html


def test_task_lists_show_boxes(render: Callable[[str], str]) -> None:
    html = render("- [x] book a taxi\n- [ ] pack your medicines\n")
    assert "\u2611</span> book a taxi" in html
    assert "\u2610</span> pack your medicines" in html
    assert "[x]" not in html
    assert "[ ]" not in html


def test_footnotes_link_to_their_notes(render: Callable[[str], str]) -> None:
    html = render("One in five adults.[^survey]\n\n[^survey]: A national survey, 2020.\n")
    assert '<a class="footnote-ref" href="#fn:survey">1</a>' in html
    assert '<a name="fn:survey"></a>' in html  # QTextBrowser scrolls to names, not ids
    assert "A national survey, 2020." in html
    assert "[^survey]" not in html


# also: addresses, <details>, abbreviations, backslash breaks

def test_e_mail_autolinks_work(render: Callable[[str], str]) -> None:
    html = render("Write to <help@example.org>.")
    assert "link not found" not in html
    assert '<a class="external" href="mailto:help@example.org"' in html


@pytest.mark.parametrize("text", ["https://www.nhs.uk/conditions/", "www.nhs.uk",
                                  "help@example.org"])
def test_bare_addresses_are_linked(render: Callable[[str], str], text: str) -> None:
    html = render(f"More at {text} today.")
    assert 'class="external"' in html


def test_details_blocks_are_shown_open_in_a_box(render: Callable[[str], str]) -> None:
    html = render("<details>\n<summary>The long version</summary>\n\nPacing *means* rest.\n\n"
                  "</details>\n\nAfter.\n")
    assert '<p class="callout-title">The long version</p>' in html
    assert "<p>Pacing <em>means</em> rest.</p>" in html
    assert "<details" not in html
    assert "<p>After.</p>" in html


def test_abbreviations_explain_themselves(render: Callable[[str], str]) -> None:
    html = render("Go to A&E.\n\n*[A&E]: Accident and emergency\n")
    assert '<abbr title="Accident and emergency">A&amp;E</abbr>' in html
    assert "*[" not in html


def test_a_backslash_at_the_end_of_a_line_breaks_it(render: Callable[[str], str]) -> None:
    assert squeeze(render("Support Group\\\n12 High Street\\\nTown\n")) == (
        "<p>Support Group<br>\n12 High Street<br>\nTown</p>")


def test_a_windows_path_keeps_its_backslashes(render: Callable[[str], str]) -> None:
    assert "C:\\Users\\Guide" in render("Saved in C:\\Users\\Guide today.")


# 8. pictures: from Markdown and from <img>, inside the pack only

def test_html_pictures_inside_the_pack_are_shown(make_pack: Callable[..., Path]) -> None:
    body = ('<img src="images/chart.png" alt="Chart" width="300">\n\n'
            '<img src="https://example.org/x.png" alt="Remote">\n\n<img src="no.png" alt="Gone">')
    pack = load_pack(make_pack({
        "articles/treatments/alpha.md": article("Alpha", body),
        "articles/treatments/images/chart.png": b"\x89PNG\r\n\x1a\n",
    }))
    html = Renderer(pack).markdown_to_html(body, "treatments/alpha")
    assert '<img src="pack:articles/treatments/images/chart.png" alt="Chart" width="300">' in html
    assert "[Picture not loaded: pictures from the internet are never fetched: Remote]" in html
    assert "[Picture missing from this guide: Gone]" in html
    assert "only pictures inside this guide" not in html


def test_a_picture_alone_in_a_paragraph_adds_no_line_spacing(
        make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/treatments/images/chart.png": b"\x89PNG\r\n\x1a\n"}))
    html = Renderer(pack).markdown_to_html("![Chart](images/chart.png)", "treatments/alpha")
    assert html.startswith('<p class="picture"><img')


def test_html_links_follow_the_same_rules(render: Callable[[str], str]) -> None:
    html = render('<a href="beta.md">beta</a> and <a href="gone.md">gone</a>')
    assert '<a href="article:treatments/beta"' in html
    assert ('<span class="broken" title="Link not found in this guide: gone.md">gone'
            '<span class="broken-note"> (link not found)</span></span>') in html


def test_a_first_heading_repeating_the_title_is_left_out(tiny_pack: Pack) -> None:
    renderer = Renderer(tiny_pack)
    html = renderer.markdown_to_html("# Alpha treatment\n\nText.\n\n# Other\n", "treatments/alpha")
    assert "Alpha treatment</h1>" not in html  # the page's own title says it already
    assert "Other</h1>" in html


def test_an_html_picture_alone_in_a_paragraph_adds_no_line_spacing(
        make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/treatments/images/chart.png": b"\x89PNG\r\n\x1a\n"}))
    html = Renderer(pack).markdown_to_html('<img src="images/chart.png" alt="Chart">',
                                           "treatments/alpha")
    assert html.startswith('<p class="picture"><img src="pack:')


def test_table_headers_line_up_with_their_columns(render: Callable[[str], str]) -> None:
    html = render("| Item | Cost |\n| --- | --: |\n| Pills | 3.50 |\n")
    assert '<th class="unaligned">Item</th>' in html
    assert '<th align="right">Cost</th>' in html
