"""View > Colours: light, dark, high contrast or like the desktop, remembered, everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from guide.colours import DEFAULT_ACCENT, Colours, contrast
from guide.model import Pack
from guide.modes import KioskSettings, ModePolicy
from guide.profile import JsonFileBackend, Profile
from guide.ui import theme
from guide.ui.main_window import MainWindow
from guide.ui.menus import offered


def _margin_colour(window: MainWindow) -> str:
    """The colour a reader sees beside the text of the article (its side margin)."""
    view = window.article_view
    image = view.viewport().grab().toImage()
    return QColor(image.pixel(QPoint(3, image.height() - 3))).name()


@pytest.mark.parametrize("name", ["dark", "high-contrast"])
def test_choosing_a_theme_repaints_the_window_and_the_article_and_is_remembered(
        qtbot: QtBot, launch: Callable[..., MainWindow], bundled_pack: Pack, tmp_path: Path,
        name: str) -> None:
    made = {"dark": Colours.dark, "high-contrast": Colours.high_contrast}[name]
    window = launch(bundled_pack, tmp_path, "medicines/tramadol")
    light = Colours.light(bundled_pack.accent)
    assert _margin_colour(window) == light.paper
    window.commands.theme_actions[name].trigger()
    colours = made(bundled_pack.accent)
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == colours.paper
    assert QApplication.palette().color(QPalette.ColorRole.Text).name() == colours.ink
    qtbot.waitUntil(lambda: _margin_colour(window) == colours.paper)  # palettes follow
    css = window.article_view.document().defaultStyleSheet()
    assert f"color: {colours.link}" in css
    assert light.link not in css
    assert window.article_view.toPlainText().startswith("Tramadol")  # the same article still
    heading = next(label for label in window.facts_panel.findChildren(QLabel)
                   if label.text() == "At a glance")
    shown = heading.palette().color(heading.foregroundRole()).name()
    assert contrast(shown, heading.palette().color(QPalette.ColorRole.AlternateBase).name()) >= 4.5
    assert window.commands.theme_actions[name].isChecked()
    window.close()
    again = launch(bundled_pack, Profile(JsonFileBackend(tmp_path)))
    assert again.commands.theme_actions[name].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == colours.paper


def test_the_colours_menu_offers_each_theme_once_checked(launch: Callable[..., MainWindow],
                                                         tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    view = next(action.menu() for action in window.menuBar().actions()
                if action.text() == "&View")
    assert isinstance(view, QMenu)
    colours_menu = next(action.menu() for action in view.actions()
                        if action.text() == "&Colours")
    assert isinstance(colours_menu, QMenu)
    names = [action.text().replace("&", "") for action in colours_menu.actions()]
    assert names == ["Like the desktop", "Light", "Dark", "High contrast"]
    assert [action.isChecked() for action in colours_menu.actions()] == [True, False, False,
                                                                         False]


def test_like_the_desktop_follows_the_desktop_while_the_app_runs(
        qtbot: QtBot, launch: Callable[..., MainWindow], tiny_pack: Pack,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = launch(tiny_pack)
    assert theme.current_theme() == "system"
    monkeypatch.setattr(theme, "desktop_is_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    dark = Colours.dark(tiny_pack.accent)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == dark.window
    qtbot.waitUntil(lambda: _margin_colour(window) == dark.paper)
    window.commands.theme_actions["light"].trigger()  # a chosen theme stays put
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == Colours.light(
        tiny_pack.accent).window


def test_find_in_article_shows_the_current_match_as_a_selection(
        qtbot: QtBot, launch: Callable[..., MainWindow], bundled_pack: Pack) -> None:
    window = launch(bundled_pack, None, "medicines/tramadol")
    window.commands.theme_actions["dark"].trigger()
    window.commands.find.trigger()
    qtbot.keyClicks(window.find_bar.field, "seizure")  # type: ignore[no-untyped-call]
    selections = window.article_view.extraSelections()
    assert len(selections) > 1
    colours = Colours.dark(bundled_pack.accent)
    assert selections[0].format.background().color().name() == colours.selection
    assert selections[1].format.background().color().name() == colours.match


def test_a_kiosk_has_one_look_for_every_reader(tiny_pack: Pack,
                                               launch: Callable[..., MainWindow]) -> None:
    window = launch(tiny_pack)
    kiosk = ModePolicy.kiosk(KioskSettings())
    assert kiosk.theme == "light"
    available = offered(window.commands, kiosk, tiny_pack.edition)
    assert not set(window.commands.theme_actions.values()) & set(available)
    assert set(window.commands.theme_actions.values()) <= set(
        offered(window.commands, ModePolicy.laptop(), tiny_pack.edition))


def test_an_unknown_theme_in_settings_means_like_the_desktop() -> None:
    assert theme.colours_for("sepia", DEFAULT_ACCENT) == Colours.light(DEFAULT_ACCENT)
