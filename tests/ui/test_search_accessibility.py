"""Search and find, heard and reached: what a screen reader is told, Tab order, target sizes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pytest
from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QImage,
    QPalette,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from guide.colours import AA, BOUNDARY, contrast
from guide.model import Pack
from guide.search import Hit, SearchIndex
from guide.ui.main_window import MainWindow
from guide.ui.search_box import CLEAR_BUTTON_SIZE, INSTRUCTIONS
from guide.ui.search_panel import SearchPanel
from guide.ui.search_results import SearchResultsModel

ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


@pytest.fixture(scope="module")
def index(bundled_pack: Pack) -> SearchIndex:
    return SearchIndex.build(bundled_pack)


@pytest.mark.parametrize(("title", "text"), [
    ("A carer's guide", "You don't have to \"fix\" it."),
    ("Pain & sleep", "Doses < 10 mg & > 5 mg"),
    ("Markup", "The page says &lt; literally, and <b> too"),
])
def test_results_are_spoken_as_written_without_html_entities(title: str, text: str) -> None:
    snippet = f"<b>{escape(text[:3])}</b>{escape(text[3:])}"  # as the index marks matches
    model = SearchResultsModel()
    model.set_hits([Hit("a", title, "", snippet)])
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{title}. {text}"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == spoken


def test_real_snippets_with_apostrophes_are_spoken_without_entities(qtbot: QtBot,
                                                                    index: SearchIndex) -> None:
    panel = SearchPanel()
    qtbot.add_widget(panel)
    panel.set_index(index)
    panel.search("don't")
    panel.finish()
    spoken = [panel.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
              for row in range(panel.model.rowCount())]
    assert any("don't" in text for text in spoken)
    assert [text for text in spoken if ENTITY.search(text)] == []


@dataclass(frozen=True)
class Heard:
    """One announcement, as Qt hands it to the screen reader's bridge."""

    text: str
    source: QObject
    interrupts: bool


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[Heard]:
    """Every announcement the app makes, as a screen reader would receive it.

    Qt sends nothing while no assistive technology listens, so the test says that one does
    and takes the events where the platform's bridge would (PySide6 has no update handler).
    """
    said: list[Heard] = []

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            assertive = QAccessible.AnnouncementPoliteness.Assertive
            said.append(Heard(event.message(), event.object(), event.politeness() == assertive))

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return said


def said_by(heard: list[Heard], widget: QWidget) -> list[str]:
    return [item.text for item in heard if item.source is widget]


@pytest.fixture
def window(searchable_window: MainWindow) -> MainWindow:
    return searchable_window


def type_query(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Type like a reader (Ctrl+K, then the letters), then wait for the pause to pass."""
    QTest.keyClick(window.nav_tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    QTest.keyClicks(window.search_box, text)
    qtbot.wait_until(lambda: not window.search_panel.pending())


# -- the search box speaks -------------------------------------------------------------------


def test_the_count_and_first_result_are_said_once_the_reader_pauses(
        window: MainWindow, qtbot: QtBot, heard: list[Heard]) -> None:
    box = window.search_box
    type_query(window, qtbot, "brain fog")
    count = window.search_panel.model.rowCount()
    assert count > 1
    said = f"{count} articles match. First: Coping with brain fog"
    assert said_by(heard, box) == [said], "once for the whole query, not for every letter"
    assert not heard[-1].interrupts
    assert box.accessibleDescription() == said  # for screen readers without announcements
    assert QApplication.focusWidget() is box


def test_no_match_is_said(window: MainWindow, qtbot: QtBot, heard: list[Heard]) -> None:
    type_query(window, qtbot, "zzzqqq")
    assert said_by(heard, window.search_box) == ["No articles match"]


def test_up_and_down_say_the_result_they_reach(window: MainWindow, qtbot: QtBot,
                                               heard: list[Heard]) -> None:
    box = window.search_box
    type_query(window, qtbot, "brain fog")
    count = window.search_panel.model.rowCount()
    heard.clear()
    QTest.keyClick(box, Qt.Key.Key_Down)
    QTest.keyClick(box, Qt.Key.Key_Up)
    assert said_by(heard, box) == [
        f"Symptoms of fibromyalgia, in Understanding fibromyalgia, 2 of {count}",
        f"Coping with brain fog, in Living with chronic pain, 1 of {count}",
    ]
    assert all(item.interrupts for item in heard), "an answer to a key cuts the last one short"
    assert box.accessibleDescription() == \
        f"Coping with brain fog, in Living with chronic pain, 1 of {count}"
    assert QApplication.focusWidget() is box


def test_enter_says_which_article_it_opened(window: MainWindow, qtbot: QtBot,
                                            heard: list[Heard]) -> None:
    box = window.search_box
    type_query(window, qtbot, "tramadol")
    heard.clear()
    with qtbot.wait_signal(window.location_opened):
        QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.current_location() == "medicines/tramadol"
    assert said_by(heard, box) == ["Opened Tramadol for chronic pain"]
    assert QApplication.focusWidget() is box


def test_an_emptied_box_gives_back_its_instructions(window: MainWindow, qtbot: QtBot,
                                                    heard: list[Heard]) -> None:
    box = window.search_box
    type_query(window, qtbot, "sleep")
    assert box.accessibleDescription() != INSTRUCTIONS
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert box.accessibleDescription() == INSTRUCTIONS
    assert len(said_by(heard, box)) == 1, "an empty box says nothing more"


def test_search_that_cannot_work_says_why(qtbot: QtBot, heard: list[Heard]) -> None:
    panel = SearchPanel()
    qtbot.add_widget(panel)
    with qtbot.wait_signal(panel.status_settled) as said:
        panel.set_unavailable("the disk is full")
    assert said.args == [("Search is not available (the disk is full). You can still browse "
                          "every article in the list, and the glossary.")]


def test_getting_ready_is_said_once_not_at_every_letter(qtbot: QtBot) -> None:
    panel = SearchPanel()
    qtbot.add_widget(panel)
    said: list[str] = []
    panel.status_settled.connect(said.append)
    for text in ("k", "ke", "ket"):
        panel.search(text)
    assert said == ["Getting search ready\u2026 results will appear in a moment."]


# -- Tab reaches the results -----------------------------------------------------------------


def test_tab_from_the_box_reaches_the_results_and_shift_tab_comes_back(
        window: MainWindow, qtbot: QtBot) -> None:
    box, results = window.search_box, window.search_panel.results
    type_query(window, qtbot, "tramadol")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is results
    assert results.currentIndex().row() == 0
    QTest.keyClick(results, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is box


def test_tab_still_reaches_the_results_after_an_article_was_opened(
        window: MainWindow, qtbot: QtBot) -> None:
    """Opening an article sets the window's Tab order again, with the tree after the box."""
    box, results = window.search_box, window.search_panel.results
    type_query(window, qtbot, "tramadol")
    QTest.keyClick(box, Qt.Key.Key_Escape)  # back to the tree
    window.open_location("medicines/tramadol")
    type_query(window, qtbot, "sleep")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is results


def test_when_nothing_matches_tab_reaches_the_glossary_offer(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    box, glossary = window.search_box, window.search_panel.glossary_button
    type_query(window, qtbot, "zzzqqq")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is glossary
    QTest.keyClick(glossary, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is box


# -- find in the article speaks --------------------------------------------------------------


def test_find_says_the_count_when_the_reader_pauses_and_at_each_step(
        window: MainWindow, qtbot: QtBot, heard: list[Heard]) -> None:
    window.open_location("medicines/tramadol")
    QTest.keyClick(window.article_view, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    field = window.find_bar.field
    assert QApplication.focusWidget() is field
    QTest.keyClicks(field, "seizure")
    qtbot.wait_until(lambda: said_by(heard, field) != [])
    total = window.find_bar.match_count()
    assert total >= 3
    assert said_by(heard, field) == [f"1 of {total}"], "once for the word, not every letter"
    QTest.keyClick(field, Qt.Key.Key_Return)
    QTest.keyClick(field, Qt.Key.Key_F3)
    QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert said_by(heard, field)[1:] == [f"2 of {total}", f"3 of {total}", f"2 of {total}"]
    assert [item.interrupts for item in heard if item.source is field] == \
        [False, True, True, True], "typing waits its turn; a step answers a key at once"
    assert field.accessibleDescription() == f"2 of {total}"
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "qqqzzz")
    qtbot.wait_until(lambda: said_by(heard, field)[-1] == "No matches")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert said_by(heard, field)[-2:] == ["No matches", "No matches"]


# -- targets and colours ---------------------------------------------------------------------


@pytest.mark.parametrize("percent", [100, 200])
def test_clear_buttons_are_at_least_24_px_named_and_inside_their_field(
        qtbot: QtBot, window: MainWindow, percent: int) -> None:
    window.text_size.set(percent, remember=False)
    window.find_bar.open_bar()
    for field, name in [(window.search_box, "Clear the search"),
                        (window.find_bar.field, "Clear the text to find")]:
        field.setText("pain")
        QApplication.processEvents()  # the field lays its clear button out
        [button] = [b for b in field.findChildren(QToolButton) if b.isVisibleTo(field)]
        assert button.accessibleName() == name
        # not cut off by the field's edge, once the field has grown with the text

        def inside(f: QLineEdit = field, b: QToolButton = button) -> bool:
            return f.rect().contains(b.geometry())

        qtbot.wait_until(inside)
        size = button.geometry()
        assert size.width() >= CLEAR_BUTTON_SIZE
        assert size.height() >= CLEAR_BUTTON_SIZE


@pytest.mark.parametrize("look", ["light", "dark", "high-contrast"])
def test_clear_buttons_stand_out_from_their_field_in_every_theme(
        window: MainWindow, qtbot: QtBot, look: str) -> None:
    """The enlarged icon keeps 3:1 or more against the field (WCAG 1.4.11) in each theme."""
    window.set_theme(look)
    window.find_bar.open_bar()
    for field in (window.search_box, window.find_bar.field):
        field.setText("pain")
        [button] = [b for b in field.findChildren(QToolButton) if b.isVisibleTo(field)]
        base = field.palette().color(QPalette.ColorRole.Base).name()
        # Qt fades the button in; at full strength its strongest pixel must stand out
        qtbot.wait_until(_stands_out(button, base))


def _stands_out(widget: QWidget, background: str) -> Callable[[], bool]:
    """Whether the strongest pixel of ``widget`` has 3:1 or more against ``background``."""

    def check() -> bool:
        image = widget.grab().toImage()
        return max(contrast(image.pixelColor(x, y).name(), background)
                   for x in range(image.width()) for y in range(image.height())) >= BOUNDARY

    return check


def _lines_of_text(image: QImage, rect: QRect) -> list[float]:
    """The strongest contrast with the background in each line of text drawn in ``rect``."""
    colours = Counter(image.pixelColor(x, y).name()
                      for x in range(rect.left(), rect.right() + 1)
                      for y in range(rect.top(), rect.bottom() + 1))
    background = colours.most_common(1)[0][0]
    lines: list[float] = []
    in_line = False
    for y in range(rect.top(), rect.bottom() + 1):
        strongest = max(contrast(image.pixelColor(x, y).name(), background)
                        for x in range(rect.left(), rect.right() + 1))
        if strongest > 1.2 and in_line:
            lines[-1] = max(lines[-1], strongest)
        elif strongest > 1.2:
            lines.append(strongest)
        in_line = strongest > 1.2
    return lines


@pytest.mark.parametrize("look", ["light", "dark", "high-contrast"])
def test_every_line_of_a_result_is_readable_in_every_theme(
        window: MainWindow, qtbot: QtBot, look: str) -> None:
    """Title, section, words matched and snippet, selected or not (WCAG 1.4.3: 4.5:1)."""
    window.set_theme(look)
    type_query(window, qtbot, "brain fog")
    results = window.search_panel.results
    image = results.viewport().grab().toImage()
    for row in (0, 1):  # the selected result, and one that is not
        lines = _lines_of_text(image, results.visualRect(results.model().index(row, 0)))
        assert len(lines) >= 3
        assert min(lines) >= AA, f"row {row}: {[round(line, 2) for line in lines]}"
