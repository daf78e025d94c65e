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


THEMES = ("system", "light", "dark", "high-contrast")
"""The looks a reader can choose; "system" follows the desktop's light or dark setting."""
CALLOUT_KINDS = ("note", "tip", "important", "warning", "danger", "details")
BOUNDARY = 3.0
"""WCAG 2 AA contrast for the edges of controls and boxes (1.4.11)."""


@dataclass(frozen=True)
class Callout:
    """A call-out box's background and the coloured bar on its left."""

    paper: str
    bar: str


@dataclass(frozen=True)
class Colours:
    """Every colour of one look (light, dark or high contrast) in one edition's accent."""

    name: str
    ink: str
    muted: str
    paper: str
    window: str
    panel: str
    button: str
    border: str
    """Edges of fields, boxes, scroll bars and the splitter: at least 3:1 against the page."""
    selection: str
    selection_ink: str
    quiet_selection: str
    """The selected row of a list that does not have the keyboard focus."""
    quiet_selection_ink: str
    heading: str
    link: str
    external_link: str
    term_ink: str
    term_paper: str
    match: str
    badge_paper: str
    badge_ink: str
    reviewed_paper: str
    reviewed_ink: str
    broken_paper: str
    broken_ink: str
    header_paper: str
    notice: str
    notice_ink: str
    callouts: tuple[tuple[str, Callout], ...]

    def callout(self, kind: str) -> Callout:
        """The colours of a call-out of this kind (a note's for unknown kinds)."""
        return dict(self.callouts).get(kind, dict(self.callouts)["note"])

    @classmethod
    def for_theme(cls, theme: str, accent: str, *, dark_desktop: bool = False) -> Colours:
        """The colours of ``theme`` ("system" picks light or dark like the desktop)."""
        if theme == "high-contrast":
            return cls.high_contrast(accent)
        if theme == "dark" or (theme == "system" and dark_desktop):
            return cls.dark(accent)
        return cls.light(accent)

    @classmethod
    def light(cls, accent: str) -> Colours:
        """Warm off-white surfaces and dark blue-grey text, accented with ``accent``."""
        return cls._made("light", accent, ink="#1f2a33", muted="#56636d", paper="#fffefb",
                         window="#f7f5f0", panel="#f0eee8", button="#ebe8e0", callouts={
                             "note": ("#eef4f8", "#5f8aa8"), "tip": ("#eef6ef", "#5b8f66"),
                             "important": ("#fdf5e3", "#a5812a"),
                             "warning": ("#fdf1e3", "#b0722a"),
                             "danger": ("#fbeceb", "#b34e47"),
                             "details": ("#f4f6f8", "#7d8b96")},
                         badges=("#fdf1d8", "#6b4a00", "#e3f1e6", "#1f5130", "#fbeceb",
                                 "#8a2c24"), notice=("#fdf1d8", "#4d3600"))

    @classmethod
    def dark(cls, accent: str) -> Colours:
        """Dark grey surfaces and soft light text: less glare for sore eyes and migraine."""
        return cls._made("dark", accent, ink="#e4e7ea", muted="#a9b3bc", paper="#1b1e21",
                         window="#23272b", panel="#202428", button="#2e3338", callouts={
                             "note": ("#1e2c36", "#6f9cbc"), "tip": ("#1d2e22", "#6fae7d"),
                             "important": ("#33291a", "#c9a24a"),
                             "warning": ("#35261a", "#d08c45"),
                             "danger": ("#3a1f1f", "#d77a72"),
                             "details": ("#262b30", "#8a97a3")},
                         badges=("#4a3a14", "#ffe3a3", "#1f3b29", "#c5ecd1", "#4a2020",
                                 "#ffc9c4"), notice=("#4a3a14", "#ffe9b8"))

    @classmethod
    def high_contrast(cls, accent: str) -> Colours:  # noqa: ARG003 - one look for every edition
        """White and yellow on black, with strong edges: the most contrast there is."""
        black, white, yellow, cyan = "#000000", "#ffffff", "#ffff00", "#00ffff"
        box = Callout(black, white)
        return cls(
            name="high-contrast", ink=white, muted=white, paper=black, window=black,
            panel=black, button=black, border=white, selection=yellow, selection_ink=black,
            quiet_selection=white, quiet_selection_ink=black, heading=white, link=yellow,
            external_link=cyan, term_ink=yellow, term_paper=black, match="#0000b8",
            badge_paper=white, badge_ink=black, reviewed_paper=white, reviewed_ink=black,
            broken_paper=black, broken_ink=yellow, header_paper="#1a1a1a", notice=white,
            notice_ink=black, callouts=tuple((kind, box) for kind in CALLOUT_KINDS))

    @classmethod
    def _made(cls, name: str, accent: str, *, ink: str, muted: str, paper: str, window: str,
              panel: str, button: str, callouts: dict[str, tuple[str, str]],
              badges: tuple[str, str, str, str, str, str], notice: tuple[str, str]) -> Colours:
        heading = readable_on(accent, panel)  # headings sit on the page and on panels
        term_paper = mix(accent, paper, 0.88)
        quiet = mix(accent, paper, 0.75)
        link = readable_on(mix(heading, ink, 0.2), panel)
        selection_ink = "#000000" if luminance(paper) < 0.18 else "#ffffff"
        return cls(
            name=name, ink=ink, muted=muted, paper=paper, window=window, panel=panel,
            button=button, border=readable_on(mix(ink, paper, 0.55), panel, BOUNDARY + 0.3),
            selection=readable_on(accent, selection_ink), selection_ink=selection_ink,
            quiet_selection=quiet, quiet_selection_ink=readable_on(ink, quiet),
            heading=heading, link=link,
            external_link=readable_on(mix(ink, paper, 0.25), panel),
            term_ink=readable_on(mix(heading, ink, 0.35), term_paper), term_paper=term_paper,
            match=_tint(accent, paper, (ink, link)), badge_paper=badges[0], badge_ink=badges[1],
            reviewed_paper=badges[2], reviewed_ink=badges[3], broken_paper=badges[4],
            broken_ink=badges[5], header_paper=mix(ink, paper, 0.92), notice=notice[0],
            notice_ink=notice[1],
            callouts=tuple((kind, Callout(*callouts[kind])) for kind in CALLOUT_KINDS))

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """``(what, text, background)`` for every text colour on every ground it is used on."""
        pairs = [("text on the page", self.ink, self.paper), ("text on panels", self.ink,
                 self.panel), ("text on the window", self.ink, self.window),
                 ("text on buttons", self.ink, self.button),
                 ("secondary text", self.muted, self.paper),
                 ("secondary text on panels", self.muted, self.panel),
                 ("selected row", self.selection_ink, self.selection),
                 ("selected row without focus", self.quiet_selection_ink,
                  self.quiet_selection),
                 ("headings", self.heading, self.paper),
                 ("headings on panels", self.heading, self.panel),
                 ("links", self.link, self.paper), ("links on panels", self.link, self.panel),
                 ("web links", self.external_link, self.paper),
                 ("glossary words", self.term_ink, self.term_paper),
                 ("search matches", self.ink, self.match),
                 ("links in search matches", self.link, self.match),
                 ("draft badge", self.badge_ink, self.badge_paper),
                 ("reviewed badge", self.reviewed_ink, self.reviewed_paper),
                 ("problems", self.broken_ink, self.broken_paper),
                 ("table headers", self.ink, self.header_paper),
                 ("notices", self.notice_ink, self.notice)]
        for kind, box in self.callouts:
            pairs += [(f"{kind} box text", self.ink, box.paper),
                      (f"{kind} box links", self.link, box.paper),
                      (f"{kind} box glossary words", self.term_ink, box.paper)]
        return pairs

    def boundary_pairs(self) -> list[tuple[str, str, str]]:
        """``(what, edge, background)`` for control and box edges (at least 3:1)."""
        pairs = [("field and splitter edges", self.border, self.paper),
                 ("edges on panels", self.border, self.panel),
                 ("focus ring", self.heading, self.paper),
                 ("selected row", self.selection, self.paper)]
        pairs += [(f"{kind} box bar", box.bar, self.paper) for kind, box in self.callouts]
        return pairs


def _tint(accent: str, paper: str, inks: tuple[str, ...]) -> str:
    """A visible tint of ``accent`` on ``paper`` on which every one of ``inks`` stays readable."""
    amount = 0.6
    tint = mix(accent, paper, amount)
    while any(contrast(ink, tint) < AA for ink in inks) and amount < 1.0:
        amount += 0.04
        tint = mix(accent, paper, amount)
    return tint


def callout_css(colours: Colours) -> str:
    """Style-sheet rules for call-out boxes (the renderer marks them with classes only)."""
    return "".join(
        f"td.bar-{kind} {{ background-color: {box.bar}; }}\n"
        f"td.body-{kind} {{ background-color: {box.paper}; }}\n"
        for kind, box in colours.callouts)
