"""The calm look, as palettes rather than a style sheet (style sheets slow every repaint)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from guide.colours import DEFAULT_ACCENT, Colours

INK = "#1f2a33"
MUTED = "#56636d"
PAPER = "#fffefb"
WINDOW = "#f7f5f0"
PANEL = "#f0eee8"
BUTTON = "#ebe8e0"
NOTICE = "#fdf1d8"
NOTICE_INK = "#4d3600"
# Text colours are at least 4.5:1 against their backgrounds (WCAG AA).


def application_palette(colours: Colours) -> QPalette:
    """Warm off-white surfaces, dark blue-grey text, the edition's accent for selection."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: PAPER,
        QPalette.ColorRole.AlternateBase: PANEL,
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: BUTTON,
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.Highlight: colours.selection,
        QPalette.ColorRole.HighlightedText: colours.selection_ink,
        QPalette.ColorRole.ToolTipBase: PAPER,
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: MUTED,
        QPalette.ColorRole.Link: colours.link,
        QPalette.ColorRole.LinkVisited: colours.link,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(MUTED))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(MUTED))
    return palette


def apply_to_application(app: QApplication, colours: Colours | None = None) -> None:
    """Use the Fusion style with the Health Guide palette in the edition's colours."""
    app.setStyle("Fusion")
    app.setPalette(application_palette(colours or Colours.light(DEFAULT_ACCENT)))


def paint_as_panel(widget: QWidget) -> None:
    """Give a side panel its slightly darker background."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(PANEL))
    palette.setColor(QPalette.ColorRole.Window, QColor(PANEL))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def set_text_colour(widget: QWidget, colour: str) -> None:
    """Colour a label's or button's text."""
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.Text):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def heading_font(widget: QWidget) -> QFont:  # noqa: ARG001 - kept for the call sites
    """Bold, and nothing else set: size and family still follow the app's text size."""
    font = QFont()
    font.setBold(True)
    return font
