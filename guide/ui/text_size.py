"""The reading text size: steps, applying it to the reading panes, remembering it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from guide.profile import Profile

TEXT_SCALES = (80, 90, 100, 115, 130, 150, 175, 200, 250)
"""Reading text sizes offered by View > Larger/Smaller text, in percent."""
NORMAL = 100


class TextSize(QObject):
    """Scales the fonts of the widgets ``widgets()`` returns.

    Signals:
        changed(int): the size changed (percent).
    """

    changed = Signal(int)

    def __init__(self, profile: Profile, widgets: Callable[[], list[QWidget]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._widgets = widgets
        self.percent = NORMAL  # fonts are created at 100%

    def set(self, percent: int, *, remember: bool = True) -> None:
        """Apply a size (clamped to the offered range); ``remember`` saves it in the profile."""
        self.percent = min(max(percent, TEXT_SCALES[0]), TEXT_SCALES[-1])
        base = QApplication.font().pointSizeF()
        for widget in self._widgets():
            font = QFont(widget.font())
            font.setPointSizeF(base * self.percent / 100)
            widget.setFont(font)
        if remember:
            self._profile.set_text_scale(self.percent)
        self.changed.emit(self.percent)

    def step(self, step: int) -> None:
        """One size larger (+1) or smaller (-1)."""
        if step > 0:
            bigger = [s for s in TEXT_SCALES if s > self.percent]
            self.set(bigger[0] if bigger else TEXT_SCALES[-1])
        else:
            smaller = [s for s in TEXT_SCALES if s < self.percent]
            self.set(smaller[-1] if smaller else TEXT_SCALES[0])

    def can_grow(self) -> bool:
        """Whether a larger size is offered."""
        return self.percent < TEXT_SCALES[-1]

    def can_shrink(self) -> bool:
        """Whether a smaller size is offered."""
        return self.percent > TEXT_SCALES[0]
