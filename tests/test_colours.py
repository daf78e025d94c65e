"""Colours made from any accent a group picks still meet WCAG AA for text."""

from __future__ import annotations

import pytest

from guide.colours import (
    AA,
    BOUNDARY,
    CALLOUT_KINDS,
    DEFAULT_ACCENT,
    THEMES,
    Colours,
    callout_css,
    contrast,
    luminance,
    mix,
    readable_on,
)


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


ACCENTS = [DEFAULT_ACCENT, "#ffff00", "#00ff00", "#ff69b4", "#000080", "#ffffff", "#000000",
           "#8a2be2", "#e0e0e0"]


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
@pytest.mark.parametrize("accent", ACCENTS)
def test_every_theme_keeps_every_text_readable_and_every_edge_visible(theme: str,
                                                                      accent: str) -> None:
    c = Colours.for_theme(theme, accent)
    unreadable = [(what, round(contrast(ink, ground), 2))
                  for what, ink, ground in c.text_pairs() if contrast(ink, ground) < AA]
    assert unreadable == []
    faint = [(what, round(contrast(edge, ground), 2))
             for what, edge, ground in c.boundary_pairs() if contrast(edge, ground) < BOUNDARY]
    assert faint == []
    assert [kind for kind, _ in c.callouts] == list(CALLOUT_KINDS)


def test_dark_is_dark_and_high_contrast_is_black_and_white() -> None:
    light, dark = Colours.light(DEFAULT_ACCENT), Colours.dark(DEFAULT_ACCENT)
    high = Colours.high_contrast(DEFAULT_ACCENT)
    assert luminance(dark.paper) < 0.05 < luminance(light.paper)
    assert luminance(dark.ink) > 0.5
    assert contrast(high.ink, high.paper) >= 15
    assert contrast(high.link, high.paper) >= 7


def test_system_follows_the_desktop() -> None:
    assert Colours.for_theme("system", DEFAULT_ACCENT, dark_desktop=True) == Colours.dark(
        DEFAULT_ACCENT)
    assert Colours.for_theme("system", DEFAULT_ACCENT) == Colours.light(DEFAULT_ACCENT)
    assert set(THEMES) == {"system", "light", "dark", "high-contrast"}


def test_call_out_css_paints_each_kind_in_its_colours() -> None:
    c = Colours.dark(DEFAULT_ACCENT)
    css = callout_css(c)
    for kind, box in c.callouts:
        assert f".bar-{kind}" in css
        assert f".body-{kind}" in css
        assert box.paper in css
        assert box.bar in css
