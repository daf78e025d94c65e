"""Every colour the app paints, derived from the edition's accent, with contrast guaranteed.

A support group picks one accent colour in ``guide.yml``; the selection, headings, links,
glossary marks and search highlights are all made from it here, darkened or lightened until
text on them meets WCAG AA (4.5:1), whatever colour the group chose.
"""

from __future__ import annotations

from dataclasses import dataclass

AA = 4.5
"""WCAG 2 AA contrast for normal text."""
DEFAULT_ACCENT = "#2f6f8f"


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0-1) of the way towards ``other``."""
    return _hex(*(a + (b - a) * amount for a, b in zip(_channels(colour), _channels(other),
                                                       strict=True)))


def readable_on(colour: str, background: str, target: float = AA) -> str:
    """``colour``, darkened or lightened just enough to read on ``background``."""
    towards = "#000000" if luminance(background) > 0.18 else "#ffffff"
    step = 0.0
    candidate = colour
    while contrast(candidate, background) < target and step < 1.0:
        step += 0.05
        candidate = mix(colour, towards, step)
    return candidate


@dataclass(frozen=True)
class Colours:
    """The colours of one look (light, for now) in one edition's accent."""

    ink: str
    muted: str
    paper: str
    window: str
    panel: str
    button: str
    selection: str
    selection_ink: str
    heading: str
    link: str
    external_link: str
    term_ink: str
    term_paper: str
    match: str
    notice: str
    notice_ink: str

    @classmethod
    def light(cls, accent: str) -> Colours:
        """Warm off-white surfaces and dark blue-grey text, accented with ``accent``."""
        ink, paper, panel = "#1f2a33", "#fffefb", "#f0eee8"
        selection = readable_on(accent, "#ffffff")  # white text on the selected row
        heading = readable_on(accent, panel)  # headings sit on the page and on panels
        return cls(
            ink=ink,
            muted="#56636d",
            paper=paper,
            window="#f7f5f0",
            panel=panel,
            button="#ebe8e0",
            selection=selection,
            selection_ink="#ffffff",
            heading=heading,
            link=readable_on(mix(heading, ink, 0.2), panel),
            external_link="#4b5d6b",
            term_ink=readable_on(mix(heading, ink, 0.35), mix(accent, paper, 0.9)),
            term_paper=mix(accent, paper, 0.9),
            match=mix(accent, paper, 0.72),
            notice="#fdf1d8",
            notice_ink="#4d3600",
        )
