"""Start-up: the window shows before the first article is read, which must not fail twice."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.profile import MemoryBackend, Profile, Settings
from guide.ui import application
from guide.ui.main_window import MainWindow


def test_the_window_is_on_screen_before_the_last_article_is_read(
        qtbot: QtBot, tiny_pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []
    original = MainWindow.open_location

    def open_location(self: MainWindow, location: str, fragment: str = "") -> None:
        seen.append((location, self.isVisible()))
        original(self, location, fragment)

    monkeypatch.setattr(MainWindow, "open_location", open_location)
    profile = Profile(MemoryBackend(Settings(accepted_disclaimer="3",
                                             last_article="living/pacing")))
    application.ensure_application()
    window = application.start(tiny_pack, profile)
    assert window is not None
    qtbot.add_widget(window)
    assert seen == [("living/pacing", True)]
    assert window.current_location() == "living/pacing"
    assert profile.opening_article() == ""  # it opened: next time it is opened again


def test_an_article_that_was_opening_when_the_app_stopped_is_not_reopened(
        qtbot: QtBot, tiny_pack: Pack) -> None:
    profile = Profile(MemoryBackend(Settings(accepted_disclaimer="3",
                                             last_article="living/pacing",
                                             opening_article="living/pacing")))
    application.ensure_application()
    window = application.start(tiny_pack, profile)
    assert window is not None
    qtbot.add_widget(window)
    assert window.current_location() == "welcome"
    assert "stopped while opening \u201cPacing\u201d last time" in window.notice_bar.text()
    again = application.start(tiny_pack, profile, open_article="living/pacing")
    assert again is not None  # asking for it by name still opens it
    qtbot.add_widget(again)
    assert again.current_location() == "living/pacing"


def test_after_run_returns_event_loops_still_wait(
        qtbot: QtBot, tiny_pack: Pack, tmp_path: Path, accept_disclaimer: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing the last window while quitting must not leave a request to quit behind.

    One left in the queue made every later event loop of the process return at once (the
    rest of the test run timed out waiting for search indexes and repaints).
    """
    windows: list[MainWindow] = []
    real_start = application.start

    def start(*args: Any, **kwargs: Any) -> MainWindow | None:
        window = real_start(*args, **kwargs)
        assert window is not None
        windows.append(window)
        return window

    def close_when_searchable() -> None:
        if windows and windows[0].search_panel.index is not None:
            windows[0].close()  # the last window: Qt asks the application to quit...
            QApplication.quit()  # ...and so does the reader, first
        else:
            QTimer.singleShot(20, close_when_searchable)

    monkeypatch.setattr(application, "start", start)
    QTimer.singleShot(0, close_when_searchable)
    assert application.run(tiny_pack, tmp_path / "profile") == 0
    QApplication.processEvents()  # as the next test's first wait does, outside any loop
    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)
    started = time.monotonic()
    loop.exec()
    assert time.monotonic() - started >= 0.09
