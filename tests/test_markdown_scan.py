"""The checker's and the loader's view of an article is the renderer's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.markdown_scan import Link, outline, scan
from guide.model import Pack

CORPUS = sorted((Path(__file__).parent / "corpus" / "authors").glob("*.md"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_the_quick_outline_is_the_full_scans(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert outline(text) == scan(text).headings


def test_the_bundled_guides_outlines_match_its_scans(bundled_pack: Pack) -> None:
    for article in bundled_pack.articles.values():
        assert article.headings == scan(article.body).headings, article.id


def test_links_are_found_with_their_lines() -> None:
    found = scan("Intro.\n\nSee [a](a.md) and <https://x.org/>.\n\n![p](p.png)\n"
                 "[ref][r] and www.nhs.uk\n\n[r]: b.md#part\n").links
    assert found == (
        Link(3, "link", "a.md"), Link(3, "link", "https://x.org/"), Link(5, "image", "p.png"),
        Link(8, "link", "b.md#part"), Link(6, "link", "http://www.nhs.uk"))


def test_nothing_in_code_is_a_link_or_a_heading() -> None:
    found = scan("```\n## Not a heading\n[not](a.md)\n```\n\n`[nor](b.md)`\n")
    assert found.headings == ()
    assert found.links == ()
