"""``health-guide check`` reads Markdown as the renderer does (issue 11): links, anchors, HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.model import Pack
from guide.render import Renderer
from tests.conftest import article

FIRST_BODY_LINE = 16
"""Line of the first body line in files made by ``article()`` (front matter comes first)."""


def messages(pack: Pack, path: str = "articles/living/pacing.md") -> list[str]:
    return [str(p) for p in pack.problems if p.path == path]


def at(line: int, message: str) -> str:
    """A problem of the pacing article at a line counted from the body's first line (0)."""
    return f"articles/living/pacing.md:{FIRST_BODY_LINE + line}: {message}"


def pacing(make_pack: Callable[..., Path], body: str, **files: str | bytes) -> Pack:
    changes: dict[str, str | bytes | None] = {"articles/living/pacing.md": article("Pacing", body)}
    changes.update(files)
    return load_pack(make_pack(changes))


def test_reference_links_are_checked(make_pack: Callable[..., Path]) -> None:
    pack = pacing(make_pack, "Read [this][good], [that][bad] and [more][gone].\n\n"
                             "[good]: ../treatments/beta.md\n[bad]: ../treatments/nothing.md\n")
    found = messages(pack)
    assert at(3, "error: link to unknown article '../treatments/nothing.md'") in found
    assert at(0, "error: reference links never defined, shown as text (1: [gone]): add a line "
                 "like '[gone]: address'") in found
    assert not any("beta.md" in m for m in found)


def test_links_with_spaces_are_checked(make_pack: Callable[..., Path]) -> None:
    pack = pacing(make_pack, "See [a](<my notes.md>), [b](my%20notes.md) and [c](<no such.md>).",
                  **{"articles/living/my notes.md": article("My notes")})
    assert messages(pack) == [at(0, "error: link to unknown article 'no such.md'")]


def test_heading_links_match_the_page_and_dead_ones_are_reported(
        make_pack: Callable[..., Path]) -> None:
    body = ("## 治疗方法\n\n## Using *pacing* well\n\nA setext one\n------------\n\n"
            "[a](#治疗方法) [b](#%E6%B2%BB%E7%96%97%E6%96%B9%E6%B3%95) [c](#using-pacing-well) "
            "[d](#a-setext-one) [e](#nowhere) [f](../welcome.md#start-here) "
            "[g](../welcome.md#start)\n")
    found = messages(pacing(make_pack, body))
    assert found == [at(7, "error: no heading '#nowhere' in this article"),
                     at(7, "error: no heading '#start' in 'welcome'")]


def test_raw_html_is_one_warning_per_file_and_kind(make_pack: Callable[..., Path]) -> None:
    body = "\n\n".join(f'<span style="color: red">Line {n}</span> <center>x</center>'
                       for n in range(20))
    body += "\n\n<https://www.nhs.uk/> and <help@example.org> are links, not HTML.\n"
    found = messages(pacing(make_pack, body))
    assert found == [
        at(0, "warning: HTML left out, its text kept (20 tags: <center>)"),
        at(0, "warning: HTML attributes ignored (20: style): the guide uses its own style"),
    ]


def test_footnotes_and_details_are_reported_once(make_pack: Callable[..., Path]) -> None:
    body = ("Pain is common.[^1]\n\n<details>\n<summary>More</summary>\n\nText.\n\n</details>\n\n"
            "```mermaid\ngraph TD\n```\n\n[^1]: A survey.\n")
    found = messages(pacing(make_pack, body))
    assert found == [
        at(2, "warning: <details> shown open (1 block): the guide cannot fold text away"),
        at(9, "warning: mermaid diagrams shown as source code (1): the guide does not draw "
              "diagrams"),
    ]


def test_html_pictures_are_checked(make_pack: Callable[..., Path]) -> None:
    found = messages(pacing(make_pack, '<img src="chart.png" alt="Chart">\n'))
    assert found[0] == at(0, "error: image 'chart.png' does not exist")


def test_large_articles_are_reported_and_cut_with_a_notice(
        make_pack: Callable[..., Path]) -> None:
    from guide.article_size import SHOWN_LIMIT, SLOW_SIZE  # noqa: PLC0415

    paragraph = "Pacing means planning rest before you need it. " * 20 + "\n\n"
    body = "".join(f"## Part {n}\n\n{paragraph}" for n in range(SHOWN_LIMIT // 900))
    pack = pacing(make_pack, body)
    assert len(body) > SHOWN_LIMIT > SLOW_SIZE
    found = messages(pack)
    assert any("warning: article is" in m and "only its first 200 KB are shown" in m
               for m in found), found
    shown = pack.article("living/pacing")
    assert shown is not None
    html = Renderer(pack).article_html(shown)
    assert "This article is very large" in html
    assert len(html) < 2 * SHOWN_LIMIT
    assert shown.headings[-1].text != f"Part {SHOWN_LIMIT // 900 - 1}"  # not read past the cut


def test_a_folder_linking_back_into_itself_is_refused(make_pack: Callable[..., Path]) -> None:
    root = make_pack()
    (root / "articles" / "living" / "loop").symlink_to("..")
    pack = load_pack(root)
    assert sorted(pack.articles) == ["living/pacing", "treatments/alpha", "treatments/beta",
                                     "welcome"]
    assert ("articles/living/loop: warning: links back to a folder that holds it, which would "
            "repeat the folder forever; ignored") in [str(p) for p in pack.problems]


@pytest.mark.parametrize("name", ["../../../outside", "/etc"])
def test_a_link_leaving_the_pack_is_refused_with_a_warning(
        make_pack: Callable[..., Path], name: str) -> None:
    root = make_pack()
    (root / "articles" / "living" / "away").symlink_to(name)
    found = [str(p) for p in load_pack(root).problems]
    assert "articles/living/away: warning: links to a file outside the pack; ignored" in found


LINKS = [  # (an address written in an article, whether the guide opens it)
    ("../welcome.md", True),
    ("../treatments/beta.md#risks", True),
    ("https://example.org/a", True),
    ("http://example.org/a", True),
    ("mailto:help@example.org", True),
    ("tel:+441234567890", True),
    ("../nothing.md", False),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    ("file:///etc/passwd", False),
    ("ftp://example.org/a", False),
    ("data:text/html,hi", False),
    ("article:welcome", False),
    ("c:/notes/pain.md", False),
    ("http://[oops", False),
    ("https://exa mple.org", False),
]


@pytest.mark.parametrize("raw_html", [False, True], ids=["markdown", "html"])
@pytest.mark.parametrize(("href", "opens"), LINKS)
def test_check_reports_exactly_the_links_shown_as_dead_text(
        make_pack: Callable[..., Path], href: str, opens: bool, raw_html: bool) -> None:
    written = f'<a href="{href}">here</a>' if raw_html else f"[here]({href})"
    pack = pacing(make_pack, f"## Pacing\n\nRead {written} today.\n")
    found = messages(pack)
    pacing_article = pack.article("living/pacing")
    assert pacing_article is not None
    page = Renderer(pack).article_html(pacing_article)
    link = re.search(r"<a\b[^>]*>(?=here)", page)
    if opens:
        assert found == []
        assert link is not None
        assert 'href="' in link.group()
    else:
        assert len(found) == 1
        assert found[0].startswith(at(2, "error: "))
        assert link is None  # not even an <a> without an address: plain text
        assert re.search(r'<span class="broken" title="[^"]+">here<span class="broken-note">'
                         r" \(link [^)]+\)</span></span> today", page)
