"""The author cases render as GitHub (cmark-gfm) renders them (scripts/markdown_conformance.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from markdown_conformance import (
    AUTHOR_TARGET,
    app_converters,
    author_cases,
    compare,
    structure,
    write_case_pack,
)


def test_the_structure_ignores_only_what_it_says() -> None:
    assert structure("<p>a\n b</p>\n<ul>\n<li>x</li>\n</ul>") == "<p>a b</p><ul><li>x</li></ul>"
    assert structure("<ol start=\"3\"><li>x</li></ol>") == "<ol start=3><li>x</li></ol>"
    assert structure("<p>a</p>") != structure("<p><em>a</em></p>")


def test_author_cases_render_as_github_does(tmp_path: Path) -> None:
    dialect, pipeline = app_converters(write_case_pack(tmp_path / "pack"))
    cases = author_cases()
    assert len(cases) == 56
    assert compare(cases, dialect).same >= AUTHOR_TARGET
    assert compare(cases, pipeline).same >= AUTHOR_TARGET - 1  # <details> is a framed box
