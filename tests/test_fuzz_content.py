"""Whatever is in an article file, loading and rendering the pack never crashes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from guide.content import load_pack
from guide.render import Renderer
from tests.conftest import TINY_PACK, write_pack

YAML_BITS = st.sampled_from([
    "title: x", "title: [", "sources:", "  - title: a", "  - 5", "related: {a: b}",
    "order: first", "last_reviewed: 2026-02-30", "status: reviewed", ": :", "- - -",
    "facts: [[1]]", "also_called: !!binary aGk=", "summary: &a x", "tags: *a", "'", "\t",
])
MARKDOWN_BITS = st.sampled_from([
    "## Heading", "[link](nowhere.md)", "![img](../../x.png)", "<script>x</script>",
    "!!! warning \"W\"", "    indented", "| a | b |", "|---|", "```", "[a](#b)",
    "<img src=http://x>", "**bold", "\u0000", "\ufeff", "Fibromyalgia and CRPS.",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(YAML_BITS | st.text(max_size=20), max_size=8),
       st.lists(MARKDOWN_BITS | st.text(max_size=40), max_size=12),
       st.booleans())
def test_any_article_text_loads_and_renders(header: list[str], body: list[str],
                                            closed: bool) -> None:
    source = "---\n" + "\n".join(header) + ("\n---\n" if closed else "\n") + "\n".join(body)
    with tempfile.TemporaryDirectory() as tmp:
        root = write_pack(Path(tmp), {**TINY_PACK, "articles/living/pacing.md": source})
        pack = load_pack(root)
        article = pack.article("living/pacing")
        assert article is not None
        html = Renderer(pack).article_html(article)
        assert "<script" not in html
        assert "http://x" not in html.replace("title=\"http://x\"", "")
