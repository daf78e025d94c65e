"""The look: palettes, the reader's choice of theme, and the desktop's light or dark mode.

Palettes are made from :class:`~guide.colours.Colours` (never an app-wide style sheet, which
slows every repaint).

Widgets take their colours from palette roles (``Base``, ``AlternateBase``, ``Accent``,
``PlaceholderText``...), so a new theme reaches them without each being told; what cannot be a
role (the article's style sheet, search and find highlights) asks :func:`current` and listens to
:data:`changes`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from guide.colours import DEFAULT_ACCENT, THEMES, Colours


class _Look(QObject):
    """The look in use: the reader's choice of theme, the edition's accent and their colours.

    Signals:
    changed(object): the app now paints with these :class:`Colours`.
    """

    changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.theme = "system"
        self.accent = DEFAULT_ACCENT
        self.colours = Colours.light(DEFAULT_ACCENT)
        self.following_desktop = False


changes = _Look()


def current() -> Colours:
    """The colours the app paints with now."""
    return changes.colours


def current_theme() -> str:
    """The theme chosen (one of :data:`guide.colours.THEMES`)."""
    return changes.theme


def use(theme: str, accent: str | None = None) -> Colours:
    """Paint the whole app in ``theme``, with the edition's ``accent``.

    "system" keeps following the desktop's light or dark mode while the app runs.
    """
    app = QApplication.instance()
    changes.theme = theme if theme in THEMES else "system"
    changes.accent = accent or changes.accent
    colours = colours_for(changes.theme, changes.accent)
    if isinstance(app, QApplication):
        if not changes.following_desktop:
            QGuiApplication.styleHints().colorSchemeChanged.connect(_on_desktop_scheme_changed)
            changes.following_desktop = True
        apply_to_application(app, colours)
    return colours


def _on_desktop_scheme_changed(_scheme: Qt.ColorScheme) -> None:
    if changes.theme == "system":
        use("system")


def desktop_is_dark() -> bool:
    """Whether the desktop asks apps for dark colours (Qt 6.5+; unknown counts as light)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colours_for(theme: str, accent: str) -> Colours:
    """The colours of a theme name (see :data:`guide.colours.THEMES`) for this accent."""
    return Colours.for_theme(theme if theme in THEMES else "system", accent,
                             dark_desktop=desktop_is_dark())


def application_palette(colours: Colours) -> QPalette:
    """Every palette role the app's widgets use, from one look's colours."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: colours.window,
        QPalette.ColorRole.WindowText: colours.ink,
        QPalette.ColorRole.Base: colours.paper,
        QPalette.ColorRole.AlternateBase: colours.panel,
        QPalette.ColorRole.Text: colours.ink,
        QPalette.ColorRole.Button: colours.button,
        QPalette.ColorRole.ButtonText: colours.ink,
        QPalette.ColorRole.Highlight: colours.selection,
        QPalette.ColorRole.HighlightedText: colours.selection_ink,
        QPalette.ColorRole.ToolTipBase: colours.notice,
        QPalette.ColorRole.ToolTipText: colours.notice_ink,
        QPalette.ColorRole.PlaceholderText: colours.muted,
        QPalette.ColorRole.Link: colours.link,
        QPalette.ColorRole.LinkVisited: colours.link,
        QPalette.ColorRole.Accent: colours.heading,
        # edges of fields, scroll bars and the splitter: at least 3:1 (WCAG 1.4.11)
        QPalette.ColorRole.Mid: colours.border,
        QPalette.ColorRole.Dark: colours.border,
        QPalette.ColorRole.Shadow: colours.border,
        QPalette.ColorRole.Light: colours.button,
        QPalette.ColorRole.Midlight: colours.button,
        QPalette.ColorRole.BrightText: colours.heading,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    # a list without the keyboard shows its selection quietly: focus stays visible (2.4.7)
    inactive = QPalette.ColorGroup.Inactive
    palette.setColor(inactive, QPalette.ColorRole.Highlight, QColor(colours.quiet_selection))
    palette.setColor(inactive, QPalette.ColorRole.HighlightedText,
                     QColor(colours.quiet_selection_ink))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.Text):
        palette.setColor(disabled, role, QColor(colours.muted))
    return palette


def apply_to_application(app: QApplication, colours: Colours | None = None) -> None:
    """Use the Fusion style with the palette of ``colours`` (the light look by default)."""
    colours = colours or current()
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    changes.colours = colours
    app.setPalette(application_palette(colours))
    changes.changed.emit(colours)


def paint_as_panel(widget: QWidget) -> None:
    """Give a side panel the panel colour of whatever look is in use."""
    widget.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    widget.setAutoFillBackground(True)
    if isinstance(widget, QAbstractScrollArea):
        widget.viewport().setBackgroundRole(QPalette.ColorRole.AlternateBase)


FOCUS_RING = 2
"""Width of the ring drawn round what has the keyboard focus, in pixels (WCAG 2.4.7)."""


def draw_focus_ring(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """A :data:`FOCUS_RING`-wide ring in ``colour``, just inside ``rect``."""
    width = FOCUS_RING
    painter.save()
    for edge in (QRect(rect.left(), rect.top(), rect.width(), width),
                 QRect(rect.left(), rect.bottom() - width + 1, rect.width(), width),
                 QRect(rect.left(), rect.top(), width, rect.height()),
                 QRect(rect.right() - width + 1, rect.top(), width, rect.height())):
        painter.fillRect(edge, colour)
    painter.restore()


def heading_font(widget: QWidget) -> QFont:  # noqa: ARG001 - kept for the call sites
    """Bold, and nothing else set: size and family still follow the app's text size."""
    font = QFont()
    font.setBold(True)
    return font
