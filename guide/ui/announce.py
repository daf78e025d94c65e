"""Telling assistive technology what just changed, while the keyboard stays where it is."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, interrupt: bool = False) -> None:
    """Ask assistive technology to say ``text`` now (when one is listening).

    ``interrupt`` cuts short whatever is being said: for the answer to a key just pressed,
    where an older answer is no longer true.
    """
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if interrupt:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def tell(widget: QWidget, text: str, *, interrupt: bool = False) -> None:
    """Say ``text`` about ``widget``, the control with the keyboard focus, both ways there are.

    Screen readers that present announcements hear the announcement; those that only follow
    the focused control (Orca 43, which the accessibility audit used) hear its description
    change. The description also stays, so moving back to the control says it again.
    """
    widget.setAccessibleDescription(text)
    announce(widget, text, interrupt=interrupt)
