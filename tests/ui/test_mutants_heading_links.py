"""A click on a link to a heading shows that heading at the top, on this page or another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from guide.content import load_pack
from guide.model import Pack
from guide.ui.main_window import MainWindow
from tests.conftest import article
from tests.ui.conftest import Launcher

FILLER = "\n\n".join(f"Paragraph {n} of the part before." for n in range(60))
AFTER = "\n\n".join(f"Paragraph {n} of the part after." for n in range(60))


@pytest.fixture
def pack(make_pack: Callable[..., Path]) -> Pack:
    return load_pack(make_pack({
        "articles/welcome.md": article(
            "Welcome", "Read about [the risks of alpha](treatments/alpha.md#risks).", order=0),
        "articles/treatments/alpha.md": article(
            "Alpha treatment",
            f"[Jump to the risks](#risks)\n\n## What it is\n\n{FILLER}\n\n"
            f"## Risks\n\nThe risks themselves.\n\n{AFTER}\n"),
    }))


def click_link(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Click the middle of a link's text, as a reader does."""
    view = window.article_view
    found = view.document().find(text)
    assert not found.isNull(), text
    middle = QTextCursor(found)
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    view.setTextCursor(middle)
    view.ensureCursorVisible()
    spot = view.cursorRect(middle).center()
    with qtbot.wait_signal(view.anchorClicked, timeout=2000):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def heading_top(window: MainWindow, title: str) -> int:
    """Where the heading ``title`` is in the visible part of the article (0 = at the top)."""
    view = window.article_view
    block = view.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.text().strip() == title:
            return view.cursorRect(QTextCursor(block)).top()
        block = block.next()
    raise AssertionError(f"no heading {title!r}")


def shown_at_top(window: MainWindow, title: str) -> bool:
    top = heading_top(window, title)
    return 0 <= top < window.article_view.viewport().height() // 4


def test_a_link_to_a_heading_on_the_page_scrolls_to_it(qtbot: QtBot, launch: Launcher,
                                                       pack: Pack) -> None:
    window = launch(pack, open_article="treatments/alpha")
    window.resize(900, 600)
    qtbot.wait_exposed(window)
    assert not shown_at_top(window, "Risks")
    click_link(qtbot, window, "Jump to the risks")
    qtbot.wait_until(lambda: shown_at_top(window, "Risks"))
    assert window.current_location() == "treatments/alpha"


def test_a_link_to_a_heading_of_another_article_opens_it_there(qtbot: QtBot, launch: Launcher,
                                                               pack: Pack) -> None:
    window = launch(pack, open_article="welcome")
    window.resize(900, 600)
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.location_opened):
        click_link(qtbot, window, "the risks of alpha")
    assert window.current_location() == "treatments/alpha"
    qtbot.wait_until(lambda: shown_at_top(window, "Risks"))
    window.go_back()
    window.go_forward()  # the history remembers the heading too
    qtbot.wait_until(lambda: shown_at_top(window, "Risks"))
