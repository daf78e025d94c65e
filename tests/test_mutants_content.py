"""What readers and pack authors see: titles as written, no stray CSS, remote pictures named."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from guide.content import load_pack
from guide.render import Renderer
from guide.sanitise import sanitise
from tests.conftest import article

ODD_TITLE = 'Aches <and> pains & "flares"'


class _TextOf(HTMLParser):
    """The text a browser shows inside each ``tag`` of a page."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.tag:
            self.depth += 1
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.tag:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1] += data


def text_of(tag: str, html: str) -> list[str]:
    parser = _TextOf(tag)
    parser.feed(html)
    parser.close()
    return parser.found


def test_an_article_title_is_shown_as_written(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({
        "articles/treatments/beta.md": article(ODD_TITLE, "Text.", related="[treatments/alpha]"),
    }))
    renderer = Renderer(pack)
    beta = pack.article("treatments/beta")
    alpha = pack.article("treatments/alpha")
    assert beta is not None
    assert alpha is not None
    assert text_of("h1", renderer.article_html(beta)) == [ODD_TITLE]
    related = text_of("a", renderer.article_html(alpha).split("Related articles")[1])
    assert related == [ODD_TITLE]


def test_a_style_element_never_shows_its_rules_as_text() -> None:
    # the last pass before the viewer: whatever made the HTML, CSS is neither shown nor used
    html = sanitise("<style>p { color: red }</style><p>Hello</p><style>\n.a{}</style>")
    assert html == "<p>Hello</p>"


def test_check_names_each_picture_from_the_internet(make_pack: Callable[..., Path]) -> None:
    body = ("Text.\n\n![Chart](https://example.org/chart.png)\n\n"
            "![Map](//maps.example.org/m.png)\n\n"
            '<img src="http://example.org/x.png" alt="x">\n')
    pack = load_pack(make_pack({"articles/living/pacing.md": article("Pacing", body)}))
    said = [p.message for p in pack.problems if p.path == "articles/living/pacing.md"]
    assert sorted(said) == [
        "remote image '//maps.example.org/m.png' will not be loaded",
        "remote image 'http://example.org/x.png' will not be loaded",
        "remote image 'https://example.org/chart.png' will not be loaded",
    ]
