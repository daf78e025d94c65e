"""GUI fixtures: every test here is marked ``gui`` and gets a styled QApplication."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide.colours import DEFAULT_ACCENT
from guide.model import Pack
from guide.profile import JsonFileBackend, MemoryBackend, Profile
from guide.ui import application, theme
from guide.ui.disclaimer_dialog import DisclaimerDialog
from guide.ui.main_window import MainWindow


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def _styled_application(qapp: QApplication) -> None:
    """The app's own style and 11-pt text, as readers get them (offscreen Qt starts at 9 pt)."""
    application.apply_style(qapp)


@pytest.fixture
def accept_disclaimer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer the disclaimer with "I understand"; records each time it was asked."""
    asked: list[str] = []

    def ask(html: str, title: str, *args: object) -> bool:
        asked.append(html)
        return True

    monkeypatch.setattr(DisclaimerDialog, "ask", staticmethod(ask))
    return asked


Launcher = Callable[..., MainWindow]


@pytest.fixture
def launch(qtbot: QtBot, accept_disclaimer: list[str]) -> Iterator[Launcher]:
    """Start the app like ``main`` does (without the event loop); returns the window."""
    windows: list[MainWindow] = []

    def start(pack: Pack, profile: Profile | Path | None = None, open_article: str = "",
              ) -> MainWindow:
        if isinstance(profile, Path):
            profile = Profile(JsonFileBackend(profile))
        application.ensure_application()
        window = application.start(pack, profile or Profile(MemoryBackend()), open_article)
        assert window is not None
        qtbot.add_widget(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.close()


@pytest.fixture
def searchable_window(qtbot: QtBot, launch: Launcher, bundled_pack: Pack) -> MainWindow:
    """The bundled guide, active, with its search index built."""
    window = launch(bundled_pack)
    window.start_search_index(None)
    assert window.wait_for_search_index()
    qtbot.wait_until(lambda: window.search_panel.index is not None)
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    return window


@pytest.fixture(autouse=True)
def _desktop_colours_after_each_test() -> Iterator[None]:
    """A test that picks a theme does not leave it to the next one."""
    yield
    if QApplication.instance() is not None:
        theme.use("system", DEFAULT_ACCENT)
