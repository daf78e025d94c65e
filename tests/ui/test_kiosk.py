"""The waiting-room kiosk: locked down, starts over for each reader, made for touch."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QPushButton,
    QScroller,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from guide import passphrase
from guide.content import load_pack
from guide.model import Pack
from guide.modes import TOUCH_TARGET_PX, KioskSettings, ModePolicy
from guide.profile import MemoryBackend, Profile
from guide.ui import application
from guide.ui.disclaimer_dialog import DisclaimerDialog
from guide.ui.kiosk import OPERATOR_CHORD, KioskSession, close_popups
from guide.ui.main_window import MainWindow

GLOSSARY = """\
terms:
  - term: Off-label
    definition: Using a medicine in a way the regulator has not approved.
"""
SECRET = "correct horse battery"  # noqa: S105 - a test passphrase
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stored_passphrase() -> str:
    return passphrase.hash_passphrase(SECRET)


@pytest.fixture
def kiosk_pack(make_pack: Callable[..., Path]) -> Pack:
    alpha = Path(make_pack()).joinpath("articles/treatments/alpha.md").read_text()
    return load_pack(make_pack({
        "glossary.yml": GLOSSARY,
        "articles/treatments/alpha.md": alpha.replace("Alpha helps.", "Alpha is off-label."),
    }))


class Kiosk:
    """A running kiosk and helpers to find what it shows."""

    def __init__(self, qtbot: QtBot, window: MainWindow, session: KioskSession) -> None:
        self.qtbot = qtbot
        self.window = window
        self.session = session

    def visible(self, name: str) -> QWidget | None:
        found = [w for w in QApplication.allWidgets()
                 if w.objectName() == name and w.isVisible()]
        return found[0] if found else None

    def accept_disclaimer(self) -> None:
        self.qtbot.wait_until(lambda: self.visible("disclaimerDialog") is not None)
        dialog = self.visible("disclaimerDialog")
        assert isinstance(dialog, DisclaimerDialog)
        assert dialog.accept_button is not None
        QTest.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        self.qtbot.wait_until(lambda: self.visible("disclaimerDialog") is None)


@pytest.fixture
def start_kiosk(qtbot: QtBot, kiosk_pack: Pack) -> Iterator[Callable[..., Kiosk]]:
    windows: list[MainWindow] = []

    def start(accept: bool = True, **settings: object) -> Kiosk:
        values = {"idle_seconds": 60, "warning_seconds": 5, **settings}
        policy = ModePolicy.kiosk(KioskSettings(**values))  # type: ignore[arg-type]
        application.ensure_application()
        window = application.start(kiosk_pack, Profile(MemoryBackend()), policy=policy)
        assert window is not None
        qtbot.add_widget(window)
        windows.append(window)
        session = window.findChild(KioskSession)
        assert isinstance(session, KioskSession)
        kiosk = Kiosk(qtbot, window, session)
        if accept:
            kiosk.accept_disclaimer()
            window.activateWindow()
            qtbot.wait_until(window.isActiveWindow)
        return kiosk

    yield start
    for window in windows:  # gone for good: its app-wide event filters go with it
        close_popups()
        window.allow_close()
        window.search.wait_for_index()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    return opened


# -- locked down ---------------------------------------------------------------------------


def test_full_screen_frameless_no_menu_bar_and_a_toolbar_of_large_buttons(
        start_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = start_kiosk()
    window = kiosk.window
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.menuBar().actions() == []
    names = [w.objectName() for w in window.toolbar.findChildren(QAbstractButton)
             if w.isVisible()]
    for name in ("homeButton", "backButton", "forwardButton", "searchButton",
                 "smallerTextButton", "largerTextButton", "startOverButton"):
        assert name in names
    assert "takeHomeButton" not in names  # the pack gives no public address
    assert "printButton" not in names  # printing is off unless the clinic allows it
    assert window.findChild(QLabel, "kioskTitle") is not None


def test_take_home_and_print_appear_only_when_the_clinic_sets_them(
        start_kiosk: Callable[..., Kiosk]) -> None:
    window = start_kiosk(take_home_url="https://example.org/guide/{id}", print=True).window
    names = [w.objectName() for w in window.toolbar.findChildren(QAbstractButton)
             if w.isVisible()]
    assert "takeHomeButton" in names
    assert "printButton" in names


@pytest.mark.parametrize("keys", ["Alt+F4", "Ctrl+Q", "Ctrl+W", "Escape", "F11", "Ctrl+O",
                                  "Ctrl+S"])
def test_keys_that_leave_elsewhere_do_nothing(start_kiosk: Callable[..., Kiosk], qtbot: QtBot,
                                              keys: str) -> None:
    window = start_kiosk().window
    QTest.keySequence(window, keys)
    QTest.keySequence(window.article_view, keys)
    assert window.isVisible()
    assert window.isFullScreen()
    assert QApplication.activeModalWidget() is None  # no file or save dialog either


def test_the_window_refuses_to_close(start_kiosk: Callable[..., Kiosk]) -> None:
    window = start_kiosk().window
    assert not window.close()
    assert window.isVisible()


def test_no_context_menus_anywhere(start_kiosk: Callable[..., Kiosk]) -> None:
    window = start_kiosk().window
    shown: list[QWidget] = []

    def close_any_menu() -> None:  # if a menu opened, the test must not hang on it
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                shown.append(widget)
                widget.close()

    for target in (window.article_view.viewport(), window.search_box, window.nav_tree.viewport(),
                   window.toolbar, window):
        QTimer.singleShot(100, close_any_menu)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                  target.mapToGlobal(QPoint(5, 5)))
        QApplication.sendEvent(target, event)
    close_any_menu()
    assert shown == []


def test_web_links_show_an_address_and_qr_code_never_a_browser(
        start_kiosk: Callable[..., Kiosk], no_browser: list[QUrl]) -> None:
    kiosk = start_kiosk()
    kiosk.window.open_location("treatments/alpha")
    kiosk.window.article_view.anchorClicked.emit(QUrl("https://example.org/alpha"))
    dialog = kiosk.visible("qrDialog")
    assert dialog is not None
    address = dialog.findChild(QLabel, "qrAddress")
    code = dialog.findChild(QLabel, "qrCode")
    assert address is not None
    assert code is not None
    assert address.text() == "example.org/alpha"
    assert not code.pixmap().isNull()
    assert code.pixmap().width() >= 200  # big enough for a phone to read from a metre
    instruction = dialog.findChild(QLabel, "qrInstruction")
    assert instruction is not None
    assert instruction.text() == "Scan with your phone's camera"
    assert no_browser == []


def test_take_this_page_home_shows_the_articles_public_address(
        start_kiosk: Callable[..., Kiosk], no_browser: list[QUrl]) -> None:
    kiosk = start_kiosk(take_home_url="https://example.org/guide/{id}")
    kiosk.window.open_location("treatments/alpha")
    kiosk.window.commands.take_home.trigger()
    dialog = kiosk.visible("qrDialog")
    assert dialog is not None
    address = dialog.findChild(QLabel, "qrAddress")
    assert address is not None
    assert address.text() == "example.org/guide/treatments/alpha"
    assert no_browser == []


# -- the disclaimer and starting over ---------------------------------------------------------


def test_every_reader_sees_the_disclaimer_and_not_now_waits_for_the_next(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot) -> None:
    kiosk = start_kiosk(accept=False)
    qtbot.wait_until(lambda: kiosk.visible("disclaimerDialog") is not None)
    dialog = kiosk.visible("disclaimerDialog")
    assert isinstance(dialog, DisclaimerDialog)
    assert dialog.decline_button is not None
    assert dialog.decline_button.text() == "Not now"
    QTest.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: kiosk.visible("touchToStart") is not None)
    assert kiosk.window.isVisible()  # "Not now" never quits
    start = kiosk.visible("touchToStartButton")
    assert isinstance(start, QPushButton)
    QTest.mouseClick(start, Qt.MouseButton.LeftButton)
    kiosk.accept_disclaimer()
    assert kiosk.visible("touchToStart") is None


def test_idle_warning_can_be_dismissed_then_the_screen_starts_over(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot) -> None:
    kiosk = start_kiosk(idle_seconds=1, warning_seconds=2)
    qtbot.wait_until(lambda: kiosk.visible("idleOverlay") is not None, timeout=3000)
    message = kiosk.visible("idleMessage")
    assert isinstance(message, QLabel)
    assert "start over in 2 seconds" in message.text()
    still = kiosk.visible("stillReadingButton")
    assert isinstance(still, QPushButton)
    QTest.mouseClick(still, Qt.MouseButton.LeftButton)
    assert kiosk.visible("idleOverlay") is None
    with qtbot.wait_signal(kiosk.session.started_over, timeout=5000):
        pass  # nobody touches it this time
    qtbot.wait_until(lambda: kiosk.visible("disclaimerDialog") is not None)


def test_any_touch_dismisses_the_idle_warning(start_kiosk: Callable[..., Kiosk],
                                              qtbot: QtBot) -> None:
    kiosk = start_kiosk(idle_seconds=1, warning_seconds=5)
    qtbot.wait_until(lambda: kiosk.visible("idleOverlay") is not None, timeout=3000)
    QTest.mouseClick(kiosk.window.article_view.viewport(), Qt.MouseButton.LeftButton)
    assert kiosk.visible("idleOverlay") is None


def test_start_over_forgets_everything_about_the_last_reader(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot, no_browser: list[QUrl]) -> None:
    kiosk = start_kiosk(text_scale=125)
    window = kiosk.window
    window.start_search_index(None)
    assert window.wait_for_search_index()
    window.open_location("treatments/alpha")
    window.open_location("treatments/beta")
    window.commands.larger_text.trigger()
    window.search.focus()
    QTest.keyClicks(window.search_box, "risks")
    qtbot.wait_until(lambda: window.search_panel.model.rowCount() > 0)
    window.find_bar.open_bar()
    QTest.keyClicks(window.find_bar.field, "Beta")
    window.article_view.selectAll()
    window.article_view.verticalScrollBar().setValue(40)
    QGuiApplication.clipboard().setText("what the last reader copied")
    window.show_address("https://example.org/private")
    assert kiosk.visible("qrDialog") is not None
    assert window.commands.back.isEnabled()

    window.commands.start_over.trigger()

    assert window.current_location() == window.pack.home
    assert not window.commands.back.isEnabled()
    assert not window.commands.forward.isEnabled()
    assert window.search_box.text() == ""
    assert window.left_panel.currentWidget() is window.nav_tree
    assert window.search_panel.model.rowCount() == 0
    assert window.find_bar.isHidden()
    assert window.find_bar.field.text() == ""
    assert window.text_size.percent == 125
    assert not window.article_view.textCursor().hasSelection()
    assert window.article_view.verticalScrollBar().value() == 0
    assert QGuiApplication.clipboard().text() == ""
    assert kiosk.visible("qrDialog") is None
    assert kiosk.visible("searchKeypad") is None
    qtbot.wait_until(lambda: kiosk.visible("disclaimerDialog") is not None)


# -- the operator ---------------------------------------------------------------------------


def test_operator_chord_asks_for_the_passphrase_and_the_right_one_exits_zero(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot, stored_passphrase: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    kiosk = start_kiosk(operator_passphrase=stored_passphrase)
    QTest.keySequence(kiosk.window, OPERATOR_CHORD)
    dialog = kiosk.visible("operatorDialog")
    assert dialog is not None
    field = kiosk.visible("operatorPassphrase")
    assert field is not None
    QTest.keyClicks(field, "wrong guess")
    QTest.keyClick(field, Qt.Key.Key_Return)
    message = kiosk.visible("operatorMessage")
    assert isinstance(message, QLabel)
    assert message.text() == "That passphrase is not right."
    assert kiosk.window.isVisible()
    assert exits == []
    QTest.keyClicks(field, SECRET)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert exits == [0]
    assert not kiosk.window.isVisible()


def test_five_wrong_tries_lock_the_operator_out_for_five_minutes(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot, stored_passphrase: str) -> None:
    kiosk = start_kiosk(operator_passphrase=stored_passphrase)
    now = [1000.0]
    kiosk.session.gate = passphrase.PassphraseGate(stored_passphrase, clock=lambda: now[0])
    kiosk.session.ask_operator()
    field = kiosk.visible("operatorPassphrase")
    assert field is not None
    for _ in range(passphrase.MAX_TRIES):
        QTest.keyClicks(field, "nope")
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert not field.isEnabled()
    message = kiosk.visible("operatorMessage")
    assert isinstance(message, QLabel)
    assert "Try again in 5 minutes" in message.text()
    assert not kiosk.session.gate.try_passphrase(SECRET)  # even the right one, while locked
    now[0] += passphrase.LOCK_SECONDS
    assert kiosk.session.gate.try_passphrase(SECRET)


def test_a_long_press_on_the_title_also_asks_the_operator(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot, stored_passphrase: str) -> None:
    kiosk = start_kiosk(operator_passphrase=stored_passphrase)
    title = kiosk.window.findChild(QLabel, "kioskTitle")
    assert title is not None
    QTest.mousePress(title, Qt.MouseButton.LeftButton)
    QTest.mouseRelease(title, Qt.MouseButton.LeftButton)  # a tap is not enough
    assert kiosk.visible("operatorDialog") is None
    with qtbot.wait_signal(title.held, timeout=7000):  # type: ignore[attr-defined]
        QTest.mousePress(title, Qt.MouseButton.LeftButton)
    assert kiosk.visible("operatorDialog") is not None


def test_without_a_passphrase_nothing_on_screen_closes_it(
        start_kiosk: Callable[..., Kiosk], qtbot: QtBot) -> None:
    kiosk = start_kiosk()
    QTest.keySequence(kiosk.window, OPERATOR_CHORD)
    assert kiosk.visible("operatorDialog") is None
    assert kiosk.window.isVisible()


# -- made for touch ---------------------------------------------------------------------------


def test_every_target_is_at_least_48_pixels(start_kiosk: Callable[..., Kiosk],
                                            qtbot: QtBot, no_browser: list[QUrl]) -> None:
    kiosk = start_kiosk(take_home_url="https://example.org/{id}")
    window = kiosk.window
    window.resize(1280, 800)
    window.open_location("treatments/alpha")
    buttons = [w for w in window.findChildren(QAbstractButton) if w.isVisible()]
    assert len(buttons) > 10  # toolbar and sidebar
    small = [(b.objectName() or b.accessibleName(), b.width(), b.height())
             for b in buttons if min(b.width(), b.height()) < TOUCH_TARGET_PX]
    assert small == []
    assert window.search_box.height() >= TOUCH_TARGET_PX
    tree = window.nav_tree
    first = tree.model().index(0, 0)
    assert tree.visualRect(first).height() >= TOUCH_TARGET_PX
    window.start_search_index(None)
    assert window.wait_for_search_index()
    window.search_box.setText("alpha")
    results = window.search_panel.results
    qtbot.wait_until(lambda: results.model().rowCount() > 0)
    assert results.sizeHintForRow(0) >= TOUCH_TARGET_PX
    window.show_address("https://example.org/")
    dialog = kiosk.visible("qrDialog")
    assert dialog is not None
    close = dialog.findChild(QPushButton, "qrClose")
    assert close is not None
    assert min(close.width(), close.height()) >= TOUCH_TARGET_PX


def test_lists_and_the_article_scroll_with_a_finger(start_kiosk: Callable[..., Kiosk]) -> None:
    window = start_kiosk().window
    for area in (window.article_view, window.nav_tree, window.facts_panel,
                 window.search_panel.results):
        area.ensurePolished()
        assert QScroller.hasScroller(area.viewport()), area.objectName()


def test_tapping_a_glossary_term_opens_its_definition_in_a_popup(
        start_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = start_kiosk()
    kiosk.window.open_location("treatments/alpha")
    kiosk.window.article_view.anchorClicked.emit(QUrl("article:glossary#off-label"))
    popup = kiosk.visible("termPopup")
    assert popup is not None
    definition = popup.findChild(QLabel, "termDefinition")
    assert definition is not None
    assert definition.text().startswith("Using a medicine in a way")
    assert popup.findChild(QPushButton, "termClose") is not None
    assert kiosk.window.current_location() == "treatments/alpha"  # the page did not change


def test_on_screen_keypad_types_into_the_search_box(start_kiosk: Callable[..., Kiosk],
                                                    qtbot: QtBot) -> None:
    kiosk = start_kiosk()
    kiosk.window.commands.search.trigger()
    keypad = kiosk.visible("searchKeypad")
    assert keypad is not None
    for name in ("keyA", "keyL", "keySpace", "keyP", "keyBackspace"):
        key = keypad.findChild(QPushButton, name)
        assert key is not None, name
        QTest.mouseClick(key, Qt.MouseButton.LeftButton)
    assert kiosk.window.search_box.text() == "al "
    assert kiosk.window.search_box.hasFocus()  # the keys never take the cursor away
    clear = keypad.findChild(QPushButton, "keyClear")
    assert clear is not None
    QTest.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert kiosk.window.search_box.text() == ""
    box = kiosk.window.search_box  # the field's own clear button stays inside the field
    for button in box.findChildren(QToolButton):
        assert box.rect().contains(button.geometry()), button.geometry()


def test_the_laptop_mode_has_none_of_it(launch: Callable[..., MainWindow],
                                        tiny_pack: Pack) -> None:
    window = launch(tiny_pack)
    assert not window.isFullScreen()
    assert window.menuBar().actions()
    assert window.findChild(QWidget, "searchKeypad") is None
    assert window.findChild(KioskSession) is None
    assert not QScroller.hasScroller(window.article_view.viewport())
    policy = dataclasses.replace(ModePolicy.laptop())
    assert policy.can_quit
    assert policy.remembers_reader


# -- leaves nothing on disk -----------------------------------------------------------------


def _files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.slow
def test_a_kiosk_session_writes_nothing_anywhere(tmp_path: Path,
                                                 make_pack: Callable[..., Path]) -> None:
    pack = make_pack({"glossary.yml": GLOSSARY})
    pack_before = _files_under(pack)
    folders = {name: tmp_path / name.lower() for name in (
        "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
        "XDG_RUNTIME_DIR", "TMPDIR")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("XDG_") and key != "HEALTH_GUIDE_CACHE_DIR"}
    env.update({key: str(folder) for key, folder in folders.items()})
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"})
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "kiosk_driver.py"), str(pack)],
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "only the operating system can close" in result.stderr
    for name, folder in folders.items():
        assert _files_under(folder) == [], name
    assert _files_under(pack) == pack_before
