"""What each way of running the app allows: one policy, chosen at start-up, per mode.

The laptop reader and the waiting-room kiosk share every widget; everything that differs
between them is a field of :class:`ModePolicy`, so "what does kiosk mode change?" is answered
here and nowhere else. Widgets ask the policy ("may I show a context menu?", "how big must a
touch target be?"); they never ask which mode is running.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guide.links import ExternalLinkPolicy, LinkPolicy

TOUCH_TARGET_PX = 48
"""Smallest side of anything a finger must hit (WCAG 2.5.5, Material, Apple HIG: 44-48)."""


@dataclass(frozen=True)
class KioskSettings:
    """A clinic's kiosk settings, from the ``kiosk:`` section of ``guide.yml``."""

    idle_seconds: int = 90
    """Seconds without a touch, key or wheel before the screen offers to start over."""
    warning_seconds: int = 15
    """How long the "Still reading?" question stays before the screen starts over."""
    text_scale: int = 125
    """Text size, in percent, for every new reader."""
    take_home_url: str = ""
    """Public address of an article, e.g. ``https://example.org/guide/{id}`` ("" = none)."""
    print: bool = False
    """Whether readers may print (a printer must be set up by the clinic)."""
    operator_passphrase: str = ""
    """Salted hash of the operator's passphrase (``health-guide kiosk-passphrase``)."""


@dataclass(frozen=True)
class ModePolicy:
    """Every difference between the modes. Build one with :meth:`laptop` or :meth:`kiosk`."""

    name: str
    full_screen: bool = False
    """Full screen and frameless."""
    menu_bar: bool = True
    """A menu bar; without one, the toolbar carries every command a reader needs."""
    can_quit: bool = True
    """Quit, Close and the window's close button work. Otherwise only the operator can exit."""
    context_menus: bool = True
    links: LinkPolicy = field(default_factory=LinkPolicy)
    remembers_reader: bool = True
    """Settings are kept on disk between launches; otherwise in memory for one reader."""
    reader_lists: bool = True
    """Saved articles, recently read, reading places and my questions for the doctor."""
    writes_caches: bool = True
    """The start-up cache and search index may be written to the user's cache folder."""
    text_scale: int | None = None
    """Text size every reader starts with (``None``: the size the reader chose last time)."""
    theme: str | None = None
    """Colours every reader sees (``None``: the reader chooses, see ``guide.colours.THEMES``)."""
    touch_target: int = 0
    """Smallest height and width of a tappable control, in pixels (0: the style decides)."""
    kinetic_scrolling: bool = False
    on_screen_keypad: bool = False
    idle_seconds: int = 0
    """Seconds without input before offering to start over for the next reader (0: never)."""
    warning_seconds: int = 0
    can_print: bool = True
    can_show_files: bool = True
    """File dialogs (save as PDF) and anything that reveals the file system."""
    take_home_url: str = ""
    operator_passphrase: str = ""
    decline_label: str = "Quit"
    """The disclaimer's second button: leave the app, or (kiosk) wait for the next reader."""

    @classmethod
    def laptop(cls) -> ModePolicy:
        """A patient's own computer: their settings are remembered; nothing is locked."""
        return cls(name="laptop")

    @classmethod
    def kiosk(cls, settings: KioskSettings) -> ModePolicy:
        """A waiting-room screen: locked down, made for touch, forgets each reader."""
        return cls(
            name="kiosk",
            full_screen=True,
            menu_bar=False,
            can_quit=False,
            context_menus=False,
            links=LinkPolicy(external=ExternalLinkPolicy.SHOW_ADDRESS, term_popups=True),
            remembers_reader=False,
            reader_lists=False,  # a shared screen keeps no lists; Start over clears them too
            writes_caches=False,
            text_scale=settings.text_scale,
            theme="light",  # a shared screen looks the same for every reader
            touch_target=TOUCH_TARGET_PX,
            kinetic_scrolling=True,
            on_screen_keypad=True,
            idle_seconds=settings.idle_seconds,
            warning_seconds=settings.warning_seconds,
            can_print=settings.print,
            can_show_files=False,
            take_home_url=settings.take_home_url,
            operator_passphrase=settings.operator_passphrase,
            decline_label="Not now",
        )

    @property
    def starts_over(self) -> bool:
        """Whether the app resets itself for the next reader after a quiet spell."""
        return self.idle_seconds > 0

    def take_home_address(self, article_id: str) -> str:
        """The public address of an article for "Take this page home" ("" if none)."""
        return self.take_home_url.replace("{id}", article_id) if self.take_home_url else ""
