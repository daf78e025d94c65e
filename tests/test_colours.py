"""Colours made from any accent a group picks still meet WCAG AA for text."""

from __future__ import annotations

import pytest

from guide.colours import AA, DEFAULT_ACCENT, Colours, contrast, luminance, mix, readable_on


def test_contrast_matches_the_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert luminance("#ffffff") == pytest.approx(1.0)


def test_mix_and_readable_on() -> None:
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert readable_on("#2f6f8f", "#ffffff") == "#2f6f8f"  # already readable: unchanged
    assert contrast(readable_on("#ffff00", "#ffffff"), "#ffffff") >= AA  # yellow is darkened


@pytest.mark.parametrize("accent", [DEFAULT_ACCENT, "#ffff00", "#00ff00", "#ff69b4", "#000080",
                                    "#ffffff", "#000000", "#8a2be2", "#e0e0e0"])
def test_every_accent_gives_readable_text(accent: str) -> None:
    c = Colours.light(accent)
    assert contrast(c.selection_ink, c.selection) >= AA
    assert contrast(c.heading, c.paper) >= AA
    assert contrast(c.heading, c.panel) >= AA
    assert contrast(c.link, c.panel) >= AA
    assert contrast(c.link, c.paper) >= AA
    assert contrast(c.term_ink, c.term_paper) >= AA
    assert contrast(c.ink, c.match) >= AA
    assert c.match != c.term_paper  # a search match looks different from a glossary word
