"""A support group's own edition: its name, icon, colours and contact, nothing of ours.

Its readers' settings are kept apart from every other edition's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from guide.colours import Colours
from guide.content import load_pack
from guide.links import CONTACT_PAGE, FACTS_PAGE
from guide.locations import bundled_dir
from guide.model import Pack
from guide.modes import ModePolicy
from guide.profile import DATA_DIR_ENV
from guide.ui import application
from guide.ui.main_window import MainWindow
from tests.conftest import MANIFEST

ACCENT = "#8a2be2"
LUPUS = MANIFEST.replace("contact: help@example.org\n", "").replace(
    "id: org.example.test-guide", "id: org.example.lupus") + f"""\
app_name: Lupus Guide
version: "1.2"
icon: brand/icon.svg
logo: brand/logo.svg
help_now: living/pacing
accent: "{ACCENT}"
contact:
  email: help@lupus.example.org
  hours: Weekdays 9 to 5
about: The Lupus Group is run by volunteers.
"""
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">'
       '<rect width="16" height="16" fill="#8a2be2"/></svg>')


@pytest.fixture
def lupus_pack(make_pack: Callable[..., Path]) -> Pack:
    return load_pack(make_pack({"guide.yml": LUPUS, "brand/icon.svg": SVG,
                                "brand/logo.svg": SVG}))


@pytest.fixture(autouse=True)
def _restore_application_identity() -> Iterator[None]:
    yield
    QGuiApplication.setApplicationName(application.APP_NAME)
    QGuiApplication.setDesktopFileName("health-guide")


def _default_pack_strings() -> list[str]:
    default = load_pack(bundled_dir("content"))
    strings = ["fibromyalgia", "chronic pain", default.title, default.publisher,
               default.edition.contact.note, default.disclaimer.text.split("\n")[0]]
    strings += [fact.text for fact in default.facts[:5]]
    return [s for s in strings if s.strip()]


def _everything_shown(window: MainWindow) -> list[str]:
    texts = [window.windowTitle(), window.article_view.toPlainText()]
    for widget in window.findChildren(QWidget):
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(),
                  widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip(), action.iconText()]
    return texts


def test_nothing_of_the_default_guide_shows_in_another_edition(
        launch: Callable[..., MainWindow], lupus_pack: Pack) -> None:
    window = launch(lupus_pack)
    shown: list[str] = []
    for location in (*lupus_pack.articles, FACTS_PAGE, CONTACT_PAGE):
        window.open_location(location)
        shown += _everything_shown(window)
    shown.append(window.about_text())
    leaks = [(needle, text[:80]) for needle in _default_pack_strings() for text in shown
             if needle.casefold() in text.casefold()]
    assert leaks == []
    assert any("Lupus Guide" in text for text in shown)


def test_the_edition_names_the_app_and_gives_it_its_icon_and_colours(
        launch: Callable[..., MainWindow], lupus_pack: Pack) -> None:
    window = launch(lupus_pack)
    assert QGuiApplication.applicationName() == "Lupus Guide"
    assert QGuiApplication.applicationVersion() == "1.2"
    assert QGuiApplication.desktopFileName() == "lupus-guide"
    assert not QApplication.windowIcon().isNull()
    assert window.windowTitle().endswith("\u2013 Lupus Guide")
    assert window.commands.about.text() == "&About Lupus Guide"
    colours = Colours.light(ACCENT)
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Highlight).name() == colours.selection
    assert palette.color(QPalette.ColorRole.Link).name() == colours.link
    assert colours.heading in window.article_view.document().defaultStyleSheet()
    heading = next(label for label in window.facts_panel.findChildren(QLabel)
                   if label.text() == "At a glance")
    assert heading.palette().color(heading.foregroundRole()).name() == colours.heading


def test_get_help_now_and_contact_page(launch: Callable[..., MainWindow],
                                       lupus_pack: Pack) -> None:
    window = launch(lupus_pack)
    button = window.toolbar.widgetForAction(window.commands.help_now)
    assert button is not None
    assert button.isVisible()
    window.commands.help_now.trigger()
    assert window.current_location() == "living/pacing"
    window.commands.contact.trigger()
    html = window.pages.html(CONTACT_PAGE)
    assert 'href="mailto:help@lupus.example.org"' in html
    assert "Weekdays 9 to 5" in html
    assert "The Lupus Group is run by volunteers." in html
    assert "version 1.2" in html
    assert 'src="pack:brand/logo.svg"' in window.pages.html(lupus_pack.home)


def test_an_edition_without_a_help_page_has_no_help_button(
        launch: Callable[..., MainWindow], tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    assert window.toolbar.widgetForAction(window.commands.help_now) is None
    assert window.commands.help_now not in window.actions()


def test_two_editions_with_the_same_disclaimer_version_each_ask(
        qtbot: QtBot, tiny_pack: Pack, lupus_pack: Pack, tmp_path: Path, *,
        monkeypatch: pytest.MonkeyPatch, accept_disclaimer: list[str]) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert tiny_pack.disclaimer.version == lupus_pack.disclaimer.version == "3"
    for pack in (tiny_pack, lupus_pack, tiny_pack, lupus_pack):
        window = application.start(pack, application.open_profile(pack, ModePolicy.laptop()))
        assert window is not None
        qtbot.add_widget(window)
        window.close()
    assert len(accept_disclaimer) == 2  # once per edition, not once in all
    assert sorted(p.name for p in (tmp_path / "data" / "editions").iterdir()) == [
        "org.example.lupus", "org.example.test-guide"]
