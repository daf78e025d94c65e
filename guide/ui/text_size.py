"""The text size: steps, applying it to the whole app, remembering it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from guide.profile import Profile

TEXT_SCALES = (80, 90, 100, 115, 130, 150, 175, 200, 250)
"""Text sizes offered by View > Larger/Smaller text, in percent."""
NORMAL = 100
_BASE = "healthGuideBasePointSize"  # an application property: the size that is 100%


def apply_text_scale(percent: int) -> None:
    """Scale every widget's text (menus, toolbar, dialogs, panes) to ``percent``.

    Widgets that set only some font attributes (bold headings) follow; the size that counts
    as 100% is the application font when this is first called.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = app.property(_BASE)
    if not isinstance(base, float):
        base = QApplication.font().pointSizeF()
        app.setProperty(_BASE, base)
    font = QFont(QApplication.font())
    size = base * percent / 100
    if font.pointSizeF() != size:  # setting the same font still repolishes every widget
        font.setPointSizeF(size)
        QApplication.setFont(font)


class TextSize(QObject):
    """The current size, and its steps; ``percent`` has already been applied at start-up.

    Signals:
        changed(int): the size changed (percent).
    """

    changed = Signal(int)

    def __init__(self, profile: Profile, percent: int = NORMAL,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.percent = percent

    def set(self, percent: int, *, remember: bool = True) -> None:
        """Apply a size (clamped to the offered range); ``remember`` saves it in the profile."""
        self.percent = min(max(percent, TEXT_SCALES[0]), TEXT_SCALES[-1])
        apply_text_scale(self.percent)
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
