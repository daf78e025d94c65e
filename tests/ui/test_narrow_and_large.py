"""Narrow windows and large text: the article stays readable, nothing falls out of reach."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.profile import MemoryBackend, Profile
from guide.ui.main_window import MainWindow
from guide.ui.pane_layout import READABLE_CHARACTERS


def _start(launch: Callable[..., MainWindow], pack: Pack, percent: int) -> MainWindow:
    profile = Profile(MemoryBackend())
    profile.set_text_scale(percent)
    return launch(pack, profile, "medicines/tramadol")


def _characters_a_line(window: MainWindow) -> float:
    view = window.article_view
    text_width = view.viewport().width() - 2 * view.document().documentMargin()
    return text_width / view.fontMetrics().averageCharWidth()


def _overflow_shown(window: MainWindow) -> bool:
    return any(button.isVisible() for button in window.toolbar.findChildren(QToolButton)
               if button.objectName() == "qt_toolbar_ext_button")


@pytest.mark.parametrize(("size", "percent"), [((640, 480), 100), ((640, 480), 200),
                                                ((1290, 820), 200), ((1024, 700), 150)])
def test_the_article_keeps_a_readable_width_and_the_search_box_stays_in_reach(
        qtbot: QtBot, launch: Callable[..., MainWindow], bundled_pack: Pack,
        size: tuple[int, int], percent: int) -> None:
    window = _start(launch, bundled_pack, percent)
    window.resize(*size)

    def readable() -> bool:
        if _characters_a_line(window) >= READABLE_CHARACTERS - 1:
            return True
        # 45 characters of 22-pt text do not fit in 640 px: then the article has it all
        alone = window.left_panel.isHidden() and window.facts_panel.isHidden()
        return alone and window.article_view.width() >= window.width() - 40

    qtbot.wait_until(readable)
    qtbot.wait_until(window.search_box.isVisible)  # not hidden behind an overflow arrow
    assert not _overflow_shown(window)


def test_a_wide_window_shows_every_pane(qtbot: QtBot, launch: Callable[..., MainWindow],
                                        bundled_pack: Pack) -> None:
    window = _start(launch, bundled_pack, 100)
    window.resize(1290, 820)
    qtbot.wait_until(window.facts_panel.isVisible)
    assert window.left_panel.isVisible()
    assert window.commands.show_facts.isChecked()


def test_folded_panes_come_back_from_the_view_menu(qtbot: QtBot,
                                                   launch: Callable[..., MainWindow],
                                                   bundled_pack: Pack) -> None:
    window = _start(launch, bundled_pack, 100)
    window.resize(400, 480)
    qtbot.wait_until(window.left_panel.isHidden)
    assert not window.facts_panel.isVisible()
    assert not window.commands.show_contents.isChecked()
    window.commands.show_contents.trigger()  # F9
    assert window.left_panel.isVisible()
    window.resize(420, 480)  # still narrow: the reader's choice stands
    assert window.left_panel.isVisible()
    window.resize(1290, 820)  # wide: back to automatic, everything shown
    qtbot.wait_until(window.facts_panel.isVisible)


def test_screen_readers_get_bullets_numbers_call_outs_and_the_draft_badge(
        launch: Callable[..., MainWindow], bundled_pack: Pack) -> None:
    window = _start(launch, bundled_pack, 100)
    text_interface = QAccessible.queryAccessibleInterface(window.article_view).textInterface()
    assert text_interface is not None
    text = text_interface.text(0, text_interface.characterCount())
    assert "Draft \u2013 not yet reviewed by a clinician" in text
    assert "An opioid with serious risks" in text  # a call-out's title
    assert "\u2022\u00a0What it is" in text  # "On this page", with its bullets
    assert "\n1.\u00a0" in text  # the sources, numbered
    assert "How strong is the evidence?" in text


def test_the_toolbars_overflow_button_has_a_name_and_a_target_size(
        launch: Callable[..., MainWindow], tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    overflow = [button for button in window.toolbar.findChildren(QToolButton)
                if button.objectName() == "qt_toolbar_ext_button"]
    assert overflow
    assert overflow[0].accessibleName() == "More toolbar buttons"
    assert overflow[0].minimumSize().width() >= 24
