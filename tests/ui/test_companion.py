"""The reader's companion, by keyboard: handouts, saved and recent, places, my questions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QKeySequence,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from guide.content import load_pack
from guide.model import Pack
from guide.modes import ModePolicy
from guide.profile import JsonFileBackend, MemoryBackend, Profile
from guide.questions import ADD_SUGGESTED_HREF, Question
from guide.reading import ReadingPlace
from guide.ui import application, handouts
from guide.ui.clear_data import ClearDataDialog
from guide.ui.main_window import MainWindow
from guide.ui.printing import new_pdf_printer
from guide.ui.questions import AddQuestionDialog, MyQuestionsDialog
from guide.ui.reading_list import ReadingListDialog
from guide.ui.reading_place import place_at_top
from tests.conftest import article
from tests.ui.conftest import Launcher

LONG = "\n\n".join(
    f"## Part {n}\n\n" + " ".join(["Pacing means spreading out what you do in a day."] * 12)
    for n in range(1, 13))
QUESTIONS = """\
## What it is

Alpha helps.

## Questions to ask your doctor

- Is alpha safe with my other medicines?
- How long before it works?
"""


@pytest.fixture
def pack(make_pack: Callable[..., Path]) -> Pack:
    return load_pack(make_pack({
        "articles/living/pacing.md": article("Pacing", LONG),
        "articles/treatments/alpha.md": article("Alpha treatment", QUESTIONS),
    }))


def active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    return window


def press(widget: QWidget, keys: str | QKeySequence.StandardKey) -> None:
    """Press a shortcut as a reader would."""
    combination = QKeySequence(keys)[0]  # type: ignore[index]  # QKeySequence[int]
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())


def open_dialog(kind: type[QDialog], window: MainWindow) -> QDialog:
    dialogs = [w for w in window.findChildren(kind) if w.isVisible()]
    assert len(dialogs) == 1, dialogs
    return dialogs[0]


# -- saved and recent ----------------------------------------------------------------------


def test_ctrl_d_and_the_star_save_and_unsave_the_article(qtbot: QtBot, launch: Launcher,
                                                         pack: Pack,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []  # what a screen reader is told: the star is not where the keyboard is

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    profile = Profile(MemoryBackend())
    window = active(qtbot, launch(pack, profile, open_article="treatments/alpha"))
    star = window.article_bar.findChild(QWidget, "saveArticleButton")
    assert star is not None
    assert star.isVisibleTo(window)
    press(window.article_view, "Ctrl+D")
    assert profile.saved_articles() == ("treatments/alpha",)
    assert window.commands.save_article.isChecked()
    assert "\u2605 Saved" in window.commands.save_article.iconText()
    assert said[-1] == "Saved: Alpha treatment"
    QTest.mouseClick(star, Qt.MouseButton.LeftButton)
    assert profile.saved_articles() == ()
    assert said[-1] == "Taken off your saved articles: Alpha treatment"
    assert "\u2606 Save" in window.commands.save_article.iconText()
    window.open_location("living/pacing")
    press(window.article_view, "Ctrl+D")
    window.open_location("treatments/alpha")
    assert not window.commands.save_article.isChecked(), "the star follows the article"
    assert profile.saved_articles() == ("living/pacing",)


def test_the_saved_list_opens_articles_and_removes_missing_ones(
        qtbot: QtBot, launch: Launcher, pack: Pack) -> None:
    profile = Profile(MemoryBackend())
    for article_id in ("living/pacing", "gone/away", "treatments/alpha"):
        profile.set_saved(article_id, saved=True)
    window = active(qtbot, launch(pack, profile))
    press(window.article_view, "Ctrl+Shift+O")
    dialog = open_dialog(ReadingListDialog, window)
    assert isinstance(dialog, ReadingListDialog)
    rows = [dialog.saved.item(n).text() for n in range(dialog.saved.count())]
    assert rows == ["Pacing  \u2013  Living well", "gone/away \u2013 no longer in this guide",
                    "Alpha treatment  \u2013  Treatments"]
    QTest.keyClick(dialog.saved, Qt.Key.Key_Down)
    assert not dialog.open_button.isEnabled()
    QTest.keyClick(dialog.saved, Qt.Key.Key_Return)  # a missing article opens nothing
    assert dialog.isVisible()
    QTest.keyClick(dialog.saved, Qt.Key.Key_Delete)
    assert profile.saved_articles() == ("living/pacing", "treatments/alpha")
    assert dialog.saved.currentItem().text().startswith("Alpha")
    QTest.keyClick(dialog.saved, Qt.Key.Key_Return)
    assert window.current_location() == "treatments/alpha"
    qtbot.wait_until(lambda: not dialog.isVisible())


def test_recently_read_lists_the_newest_first_and_opens_from_the_keyboard(
        qtbot: QtBot, launch: Launcher, pack: Pack) -> None:
    profile = Profile(MemoryBackend())
    window = active(qtbot, launch(pack, profile))
    for article_id in ("living/pacing", "treatments/alpha", "treatments/beta"):
        window.open_location(article_id)
    assert profile.recent_articles() == (
        "treatments/beta", "treatments/alpha", "living/pacing", "welcome")
    window.open_location("guide:facts")
    assert profile.recent_articles()[0] == "treatments/beta", "only articles are recorded"
    press(window.article_view, "Ctrl+H")
    dialog = open_dialog(ReadingListDialog, window)
    assert isinstance(dialog, ReadingListDialog)
    assert dialog.tabs.currentIndex() == 1
    assert dialog.recent.currentItem().text().startswith("Beta treatment")
    QTest.keyClick(dialog.recent, Qt.Key.Key_Down)
    QTest.keyClick(dialog.recent, Qt.Key.Key_Return)
    assert window.current_location() == "treatments/alpha"


def test_the_toolbar_reaches_saved_recent_and_my_questions(launch: Launcher,
                                                           pack: Pack) -> None:
    window = launch(pack)
    for name in ("savedListButton", "recentListButton", "myQuestionsButton"):
        button = window.toolbar.findChild(QWidget, name)
        assert button is not None, name
        assert button.isVisibleTo(window)


# -- reading places ------------------------------------------------------------------------


def scroll_to_part(window: MainWindow, part: int) -> ReadingPlace:
    window.article_view.scrollToAnchor(f"part-{part}")
    bar = window.article_view.verticalScrollBar()
    bar.setValue(bar.value() + 40)
    place = place_at_top(window.article_view)
    assert place is not None
    assert place.anchor == f"part-{part}"
    return place


def test_reopening_an_article_returns_to_the_readers_place(qtbot: QtBot, launch: Launcher,
                                                           pack: Pack) -> None:
    window = launch(pack, open_article="living/pacing")
    place = scroll_to_part(window, 7)
    window.nav_tree.article_requested.emit("treatments/alpha")  # as a click in the tree does
    assert window.article_view.verticalScrollBar().value() == 0
    window.nav_tree.article_requested.emit("living/pacing")
    assert place_at_top(window.article_view) == place
    window.open_location("treatments/alpha")
    window.go_back()
    assert place_at_top(window.article_view) == place, "history returns there too"
    window.open_location("living/pacing", "part-2")
    at_heading = place_at_top(window.article_view)
    assert at_heading is not None
    assert at_heading.anchor == "part-2", "a link to a heading wins"


def on_first_line(window: MainWindow, place: ReadingPlace) -> bool:
    """Whether the place's character is on the first line on screen (lines wrap anew)."""
    top = place_at_top(window.article_view)
    return top is not None and top.anchor == place.anchor \
        and top.offset <= place.offset < top.offset + 100


def test_the_place_survives_a_change_of_text_size(qtbot: QtBot, launch: Launcher,
                                                  pack: Pack) -> None:
    window = active(qtbot, launch(pack, open_article="living/pacing"))
    place = scroll_to_part(window, 5)
    before = window.article_view.verticalScrollBar().value()
    window.commands.larger_text.trigger()
    window.commands.larger_text.trigger()
    qtbot.wait_until(lambda: window.article_view.verticalScrollBar().value() > before * 1.2)
    qtbot.wait_until(lambda: on_first_line(window, place))
    window.commands.normal_text.trigger()
    qtbot.wait_until(lambda: window.article_view.verticalScrollBar().value() < before * 1.1)
    qtbot.wait_until(lambda: on_first_line(window, place))


def test_the_next_launch_opens_the_last_article_at_the_same_place(
        qtbot: QtBot, launch: Launcher, pack: Pack, tmp_path: Path) -> None:
    window = launch(pack, tmp_path, open_article="living/pacing")
    place = scroll_to_part(window, 9)
    window.close()
    assert json.loads((tmp_path / "settings.json").read_text())["reading_places"] == {
        "living/pacing": {"anchor": "part-9", "offset": place.offset}}
    again = launch(pack, tmp_path)
    assert again.current_location() == "living/pacing"
    qtbot.wait_until(lambda: place_at_top(again.article_view) == place)


# -- handouts ------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_print_and_save_as_pdf_make_the_handout(qtbot: QtBot, launch: Launcher, pack: Pack,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "printed.pdf"
    saved = tmp_path / "saved.pdf"
    suggested: list[Path] = []

    def ask_pdf_path(parent: QWidget, suggestion: Path) -> Path:
        suggested.append(suggestion)
        return saved

    monkeypatch.setattr(handouts, "ask_printer", lambda parent, policy: new_pdf_printer(printed))
    monkeypatch.setattr(handouts, "ask_pdf_path", ask_pdf_path)
    profile = Profile(MemoryBackend())
    window = active(qtbot, launch(pack, profile, open_article="treatments/alpha"))
    press(window.article_view, QKeySequence.StandardKey.Print)
    assert "Alpha treatment" in pdf_text(printed)
    assert "Page 1 of 1" in pdf_text(printed)
    assert "Add a question" not in pdf_text(printed), "the screen's links stay on screen"
    press(window.article_view, QKeySequence.StandardKey.SaveAs)
    assert suggested[0].name == "health-guide-alpha-treatment.pdf"
    assert "This is information only" in pdf_text(saved)
    assert str(saved) in window.notice_bar.text()
    normal = len(PdfReader(saved).pages)
    window.open_location("living/pacing")
    window.commands.large_print.trigger()
    assert profile.large_print()
    window.commands.save_pdf.trigger()
    large = len(PdfReader(saved).pages)
    window.commands.large_print.trigger()
    window.commands.save_pdf.trigger()
    assert large > len(PdfReader(saved).pages) >= normal


def test_generated_pages_cannot_be_printed_or_saved(launch: Launcher, pack: Pack) -> None:
    window = launch(pack)
    window.open_location("guide:facts")
    for action in (window.commands.print, window.commands.save_pdf,
                   window.commands.save_article):
        assert not action.isEnabled()


# -- my questions --------------------------------------------------------------------------


def test_a_question_is_added_at_the_end_of_the_article(qtbot: QtBot, launch: Launcher,
                                                       pack: Pack) -> None:
    profile = Profile(MemoryBackend())
    window = active(qtbot, launch(pack, profile, open_article="living/pacing"))
    assert "Add a question" in window.article_view.toPlainText()
    assert "suggested questions" not in window.article_view.toPlainText()
    press(window.article_view, "Ctrl+Shift+A")
    dialog = open_dialog(AddQuestionDialog, window)
    assert isinstance(dialog, AddQuestionDialog)
    QTest.keyClicks(dialog.field, "  How do I  pace   on a bad day? ")
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    assert profile.questions() == (Question("living/pacing", "How do I pace on a bad day?"),)
    assert "How do I pace on a bad day?" in window.article_view.toPlainText()


def test_the_suggested_questions_are_added_in_one_click(launch: Launcher, pack: Pack) -> None:
    profile = Profile(MemoryBackend())
    window = launch(pack, profile, open_article="treatments/alpha")
    assert "Add the 2 suggested questions" in window.article_view.toPlainText()
    window.article_view.anchorClicked.emit(QUrl(ADD_SUGGESTED_HREF))
    assert [q.text for q in profile.questions()] == [
        "Is alpha safe with my other medicines?", "How long before it works?"]
    assert "suggested questions" not in window.article_view.toPlainText()
    assert window.current_location() == "treatments/alpha", "the link opens nothing else"
    window.article_view.anchorClicked.emit(QUrl(ADD_SUGGESTED_HREF))
    assert len(profile.questions()) == 2, "never twice"


def test_my_questions_are_edited_reordered_and_printed_by_keyboard(
        qtbot: QtBot, launch: Launcher, pack: Pack, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    profile = Profile(MemoryBackend())
    profile.set_questions([Question("treatments/alpha", "First?"),
                           Question("living/pacing", "Pacing?"),
                           Question("treatments/alpha", "Second?")])
    window = active(qtbot, launch(pack, profile))
    press(window.article_view, "Ctrl+Shift+M")
    dialog = open_dialog(MyQuestionsDialog, window)
    assert isinstance(dialog, MyQuestionsDialog)
    tree = dialog.tree
    groups = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    assert [group.text(0) for group in groups if group] == ["Alpha treatment", "Pacing"]
    assert tree.currentItem().text(0) == "First?"  # type: ignore[union-attr]
    QTest.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [q.text for q in profile.questions()] == ["Second?", "First?", "Pacing?"]
    assert tree.currentItem().text(0) == "First?", (  # type: ignore[union-attr]
        "the moved question stays chosen")
    QTest.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    QTest.keyClicks(editor, "Is the  first  one changed?")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the list commits an edit on its next turn
    qtbot.wait_until(lambda: profile.questions()[1] == Question(
        "treatments/alpha", "Is the first one changed?"))
    pacing = tree.topLevelItem(1)
    assert pacing is not None
    tree.setCurrentItem(pacing)  # the Pacing group moves as a whole
    QTest.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [q.article_id for q in profile.questions()] == [
        "living/pacing", "treatments/alpha", "treatments/alpha"]
    first_group = tree.topLevelItem(0)
    assert first_group is not None
    first_question = first_group.child(0)
    assert first_question is not None
    tree.setCurrentItem(first_question)
    QTest.keyClick(tree, Qt.Key.Key_Delete)
    assert [q.text for q in profile.questions()] == ["Second?", "Is the first one changed?"]
    out = tmp_path / "questions.pdf"
    monkeypatch.setattr(handouts, "ask_pdf_path", lambda parent, suggested: out)
    QTest.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "My questions for the doctor" in text
    assert text.index("Alpha treatment") < text.index("Second?") < text.index("changed?")


# -- your data -----------------------------------------------------------------------------


def test_clear_my_data_lists_what_is_kept_and_clears_it_after_confirming(
        qtbot: QtBot, launch: Launcher, pack: Pack, tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_saved("living/pacing", saved=True)
    profile.set_questions([Question("living/pacing", "Why?")])
    window = active(qtbot, launch(pack, profile, open_article="living/pacing"))
    window.commands.clear_data.trigger()
    dialog = open_dialog(ClearDataDialog, window)
    assert isinstance(dialog, ClearDataDialog)
    text = dialog.message.text()
    for kept in ("1 saved article", "1 recently read article", "1 question for the doctor",
                 "your settings"):
        assert kept in text, kept
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # Cancel is the default: nothing is lost
    assert profile.saved_articles() == ("living/pacing",)
    window.commands.clear_data.trigger()
    dialog = open_dialog(ClearDataDialog, window)
    assert isinstance(dialog, ClearDataDialog)
    QTest.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "settings.json").exists()
    assert (profile.saved_articles(), profile.questions(), profile.recent_articles()) == (
        (), (), ())
    assert not window.commands.save_article.isChecked()
    assert "Why?" not in window.article_view.toPlainText()
    assert "cleared" in window.notice_bar.text()


def test_a_damaged_settings_file_starts_with_empty_lists(launch: Launcher, pack: Pack,
                                                        tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "accepted_disclaimer": "3", "saved_articles": [1, None, {"x": 1}, "living/pacing"],
        "questions": "not a list", "reading_places": {"living/pacing": [1, 2]}}))
    window = launch(pack, tmp_path, open_article="living/pacing")
    assert window.profile.saved_articles() == ("living/pacing",)
    assert window.commands.save_article.isChecked()
    assert window.article_view.verticalScrollBar().value() == 0


# -- the kiosk -----------------------------------------------------------------------------


def test_a_kiosk_keeps_no_lists_and_start_over_forgets_everything(
        qtbot: QtBot, pack: Pack, accept_disclaimer: list[str]) -> None:
    from guide.ui.kiosk import KioskSession  # noqa: PLC0415

    profile = Profile(MemoryBackend())
    policy = ModePolicy.kiosk(pack.kiosk)
    window = application.start(pack, profile, policy=policy)
    assert window is not None
    qtbot.add_widget(window)
    offered = window.actions()
    for action in (window.commands.save_article, window.commands.saved_list,
                   window.commands.recent_list, window.commands.my_questions,
                   window.commands.save_pdf, window.commands.clear_data):
        assert action not in offered
    assert window.article_bar.findChild(QWidget, "saveArticleButton") is None
    window.open_location("treatments/alpha")
    assert "My questions" not in window.article_view.toPlainText()
    assert profile.recent_articles() == ()
    profile.set_saved("treatments/alpha", saved=True)  # as if a clinic's build offered them
    profile.set_questions([Question("treatments/alpha", "Why?")])
    session = window.findChild(KioskSession)
    assert session is not None
    session.start_over()
    assert (profile.saved_articles(), profile.questions()) == ((), ())
    window.allow_close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
