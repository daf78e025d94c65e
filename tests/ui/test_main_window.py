"""The whole app in one process: disclaimer, navigation, history, state, bad input."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from guide.content import load_pack
from guide.links import FACTS_PAGE
from guide.model import Pack
from guide.profile import JsonFileBackend, Profile
from guide.render import DRAFT_BADGE
from guide.ui import application
from guide.ui.disclaimer_dialog import DisclaimerDialog
from tests.ui.conftest import Launcher


def test_widgets_carry_their_object_and_accessible_names(launch: Launcher,
                                                         tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    assert window.objectName() == "mainWindow"
    for name, accessible in (("navTree", "Articles"), ("articleView", "Article"),
                             ("factsPanel", "Quick facts")):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName() == accessible


def test_home_article_opens_first(launch: Launcher, tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    assert window.current_location() == "welcome"
    assert "Start here" in window.article_view.toPlainText()
    assert window.nav_tree.currentIndex().data() == "Welcome"
    assert window.windowTitle() == "Welcome \u2013 Health Guide"  # the app's name: none given


def test_disclaimer_is_asked_once_per_version_across_launches(
        qtbot: QtBot, make_pack: Callable[..., Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [False, True]
    asked: list[str] = []

    def ask(html: str, title: str, *args: object) -> bool:
        asked.append(html)
        return answers.pop(0) if answers else True

    monkeypatch.setattr(DisclaimerDialog, "ask", staticmethod(ask))
    profile_dir = tmp_path / "profile"
    pack = load_pack(make_pack())

    def launch() -> object:
        window = application.start(pack, Profile(JsonFileBackend(profile_dir)))
        if window is not None:
            qtbot.add_widget(window)
            window.close()
        return window

    assert launch() is None, "declining quits"
    assert not (profile_dir / "settings.json").exists(), "declining records nothing"
    assert launch() is not None
    assert json.loads((profile_dir / "settings.json").read_text())["accepted_disclaimer"] == "3"
    assert launch() is not None
    assert len(asked) == 2, "not asked again for the same version"
    assert "information only" in asked[0]

    changed = load_pack(make_pack({"guide.yml": (pack.root / "guide.yml").read_text()
                                   .replace('version: "3"', 'version: "4"')}))
    window = application.start(changed, Profile(JsonFileBackend(profile_dir)))
    assert window is not None
    qtbot.add_widget(window)
    assert len(asked) == 3, "a new disclaimer version is asked again"


def test_run_returns_zero_when_disclaimer_declined(
        make_pack: Callable[..., Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DisclaimerDialog, "ask", staticmethod(lambda *a: False))
    assert application.run(load_pack(make_pack()), tmp_path / "profile") == 0


def test_clicking_an_article_link_opens_it_and_the_tree_follows(
        qtbot: QtBot, launch: Launcher, tiny_pack: Pack) -> None:
    window = launch(tiny_pack, open_article="treatments/alpha")
    with qtbot.wait_signal(window.location_opened) as blocker:
        window.article_view.anchorClicked.emit(QUrl("article:treatments/beta#risks"))
    assert blocker.args == ["treatments/beta"]
    assert window.nav_tree.currentIndex().data() == "Beta treatment"
    assert "Beta risks." in window.article_view.toPlainText()
    assert window.history.current == "treatments/beta#risks"


def test_choosing_in_the_tree_opens_the_article(qtbot: QtBot, launch: Launcher,
                                                tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    index = window.nav_tree.nav_model().index_of_article("living/pacing")
    with qtbot.wait_signal(window.location_opened):
        window.nav_tree.setCurrentIndex(index)
    assert window.current_location() == "living/pacing"
    assert "Go slowly." in window.article_view.toPlainText()


def test_back_forward_home_work_like_a_browser(launch: Launcher, tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    assert not window.commands.back.isEnabled()
    window.open_location("treatments/alpha")
    window.open_location("treatments/beta")
    window.commands.back.trigger()
    assert window.current_location() == "treatments/alpha"
    assert window.nav_tree.currentIndex().data() == "Alpha treatment"
    assert window.commands.forward.isEnabled()
    window.commands.forward.trigger()
    assert window.current_location() == "treatments/beta"
    assert not window.commands.forward.isEnabled()
    window.commands.home.trigger()
    assert window.current_location() == "welcome"
    window.commands.back.trigger()
    assert window.current_location() == "treatments/beta"


def test_history_uses_the_platform_shortcuts(qtbot: QtBot, launch: Launcher,
                                             tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    assert window.commands.back.shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.Back)
    assert window.commands.forward.shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.Forward)
    window.open_location("treatments/alpha")
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    window.nav_tree.setFocus()
    back = window.commands.back.shortcuts()[0][0]  # type: ignore[index]  # QKeySequence[int]
    QTest.keyClick(window.nav_tree, back.key(), back.keyboardModifiers())
    assert window.current_location() == "welcome"
    forward = window.commands.forward.shortcuts()[0][0]  # type: ignore[index]
    QTest.keyClick(window.nav_tree, forward.key(), forward.keyboardModifiers())
    assert window.current_location() == "treatments/alpha"


def test_menus_offer_navigation_and_help(launch: Launcher, tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    menus = {menu.title(): [a.text() for a in menu.actions()]
             for menu in window.menuBar().findChildren(QMenu)}
    assert menus["&Go"] == ["&Back", "&Forward", "&Home", "&Quick facts", "",
                            "Next &heading", "Previous h&eading", "Next &pane", "Previous pa&ne",
                            "", "&Save this article", "Sa&ved articles\u2026",
                            "&Recently read\u2026", "", "My &questions\u2026",
                            "&Add a question for the doctor\u2026"]
    assert menus["&Help"] == ["&Contact and about this guide", "Medical &disclaimer", "",
                              "&Keyboard shortcuts", "", "C&lear my data\u2026", "",
                              "&About Health Guide"]
    assert menus["&File"] == ["&Print\u2026", "Save as P&DF\u2026", "&Large print", "", "&Quit"]


def test_about_names_version_pack_publisher_and_contact(launch: Launcher,
                                                       tiny_pack: Pack) -> None:
    text = launch(tiny_pack).about_text()
    for expected in ("<h3>Health Guide</h3>", "Test Guide", "Test Publisher",
                     "help@example.org", "Made with Health Guide 0.1.0"):
        assert expected in text


def test_help_menu_reopens_the_disclaimer_read_only(launch: Launcher, tiny_pack: Pack,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    window = launch(tiny_pack)

    def show_read_only(html: str, title: str, *args: object) -> None:
        shown.append(html)

    monkeypatch.setattr(DisclaimerDialog, "show_read_only", staticmethod(show_read_only))
    window.commands.disclaimer.trigger()
    assert len(shown) == 1
    assert "information only" in shown[0]


def test_external_links_open_in_the_system_browser(launch: Launcher, tiny_pack: Pack,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    window = launch(tiny_pack, open_article="treatments/alpha")
    window.article_view.anchorClicked.emit(QUrl("https://example.org/alpha"))
    assert opened == ["https://example.org/alpha"]
    assert window.current_location() == "treatments/alpha"


def test_facts_panel_follows_the_article_and_opens_all_facts(launch: Launcher,
                                                             tiny_pack: Pack) -> None:
    window = launch(tiny_pack, open_article="treatments/alpha")
    assert "\u2022 Alpha is new." in window.facts_panel.texts()
    window.facts_panel.facts_page_requested.emit()
    assert window.current_location() == FACTS_PAGE
    assert "Sleep matters." in window.article_view.toPlainText()
    assert window.windowTitle().startswith("Quick facts")
    window.facts_panel.article_requested.emit("treatments/beta")
    assert window.current_location() == "treatments/beta"


def test_article_shows_draft_status_and_sources(launch: Launcher, tiny_pack: Pack) -> None:
    text = launch(tiny_pack, open_article="treatments/alpha").article_view.toPlainText()
    assert DRAFT_BADGE in text
    assert "Last edited 27 November 2026" in text
    assert "Sources" in text


def test_layout_and_last_article_are_remembered(launch: Launcher, tiny_pack: Pack,
                                                tmp_path: Path) -> None:
    window = launch(tiny_pack, tmp_path)
    window.resize(780, 560)  # the offscreen screen is 800x600
    QApplication.processEvents()  # the panes fit the new width
    left, middle, right = window.splitter.sizes()  # as fitted for a readable article
    window.splitter.setSizes([left - 10, middle + 10, right])
    window.open_location("living/pacing")
    sizes = window.splitter.sizes()
    window.close()
    again = launch(tiny_pack, tmp_path)
    assert again.current_location() == "living/pacing"
    assert (again.width(), again.height()) == (780, 560)
    assert again.splitter.sizes() == sizes


def test_open_option_wins_and_unknown_ids_fall_back_home(launch: Launcher,
                                                         tiny_pack: Pack) -> None:
    assert launch(tiny_pack, open_article="living/pacing").current_location() == "living/pacing"
    window = launch(tiny_pack, open_article="no/such")
    assert window.current_location() == "welcome"
    assert "no article 'no/such'" in window.notice_bar.text()


def test_broken_article_shows_an_error_page_not_a_crash(
        launch: Launcher, make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/treatments/beta.md": b"---\ntitle: [\n---\n\xff"}))
    window = launch(pack, open_article="treatments/beta")
    text = window.article_view.toPlainText()
    assert "This article cannot be shown" in text
    window.open_location("treatments/alpha")
    assert "Alpha helps." in window.article_view.toPlainText()


def test_corrupt_profile_is_announced_once_and_kept(launch: Launcher, tiny_pack: Pack,
                                                    tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json")
    window = launch(tiny_pack, tmp_path)
    assert "damaged" in window.notice_bar.text()
    assert list(tmp_path.glob("settings.json.corrupt-*"))
    window.close()
    again = launch(tiny_pack, tmp_path)
    assert again.notice_bar.text() == ""


def test_highlighting_a_term_explains_it_in_the_sidebar(launch: Launcher,
                                                        bundled_pack: Pack) -> None:
    window = launch(bundled_pack, open_article="medicines/ketamine-infusion")
    assert "Word explained" not in window.facts_panel.texts()
    window.article_view.highlighted.emit(QUrl("article:glossary#off-label"))
    texts = window.facts_panel.texts()
    assert "Word explained" in texts
    assert any(t.startswith("<b>Off-label</b>: ") for t in texts)
    window.open_location("medicines/tramadol")
    assert "Word explained" not in window.facts_panel.texts()


def test_first_launch_of_a_large_pack_shows_progress(qtbot: QtBot,
                                                     make_pack: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QProgressDialog  # noqa: PLC0415

    from guide.cache import PackCache  # noqa: PLC0415

    real = PackCache(make_pack(), tmp_path / "cache")
    dialog_seen = threading.Event()
    seen: list[str] = []

    class SlowCache:
        """Finishes loading only once the progress window has been seen."""

        def load(self) -> Pack:
            assert dialog_seen.wait(10)
            return real.load()

    def watch() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
                dialog_seen.set()

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(5)
    pack = application.load_with_progress(SlowCache())  # type: ignore[arg-type]
    timer.stop()
    assert pack.article("treatments/alpha") is not None
    assert seen[0].startswith("Preparing this guide for its first use")
    assert not any(isinstance(w, QProgressDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets()), "the window goes away"


def test_progress_loading_reports_unusable_packs(tmp_path: Path) -> None:
    from guide.cache import PackCache  # noqa: PLC0415
    from guide.model import PackError  # noqa: PLC0415

    with pytest.raises(PackError, match="folder not found"):
        application.load_with_progress(PackCache(tmp_path / "missing", tmp_path / "cache"))
