"""The patient's companion in the window: handouts, saved and recent, places, my questions.

:class:`Companion` wires these features to the window's commands and article view, and
keeps everything in the reader's :class:`~guide.profile.Profile` (never in the pack). The
window tells it when a page is about to be replaced (:meth:`Companion.leave_page`) and asks
it for the end of each article (:meth:`Companion.page_end`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSignalBlocker, QUrl, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from guide.history import History
from guide.links import split_fragment
from guide.model import Pack
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import Profile
from guide.questions import (
    ADD_QUESTION_HREF,
    ADD_SUGGESTED_HREF,
    ASK_SCHEME,
    SHOW_QUESTIONS_HREF,
    Question,
    page_end_html,
    suggested_questions,
)
from guide.ui.announce import announce
from guide.ui.article_bar import ArticleBar
from guide.ui.article_view import ArticleView
from guide.ui.clear_data import ClearDataDialog
from guide.ui.commands import Commands
from guide.ui.questions import AddQuestionDialog, MyQuestionsDialog
from guide.ui.reading_list import RECENT_TAB, SAVED_TAB, ReadingListDialog
from guide.ui.reading_place import ReadingPlaces
from guide.ui.text_size import TextSize

if TYPE_CHECKING:
    from guide.handout import Handout
    from guide.ui.handouts import Handouts


class CompanionWindow(Protocol):
    """What the companion uses of the main window (:class:`~guide.ui.main_window.MainWindow`).

    Named here, not imported, so the window's module depends on this one and not the
    other way round.
    """

    pack: Pack
    profile: Profile
    policy: ModePolicy
    pages: PageSource
    article_view: ArticleView
    commands: Commands
    text_size: TextSize

    @property
    def history(self) -> History: ...

    @property
    def location_opened(self) -> SignalInstance: ...

    def actions(self) -> list[QAction]: ...

    def open_location(self, location: str, fragment: str = "") -> None: ...

    def show_notice(self, text: str) -> None: ...

    def open_dialog(self, dialog: QDialog) -> None: ...


class Companion(QObject):
    """Handouts, saved and recently read articles, reading places and my questions."""

    def __init__(self, window: CompanionWindow, bar: ArticleBar) -> None:
        assert isinstance(window, QWidget)  # the window passes itself: dialogs' parent
        super().__init__(window)
        self._window = window
        self._bar = bar
        self._pack = window.pack
        self._profile = window.profile
        self._lists = window.policy.reader_lists
        self._location = ""
        self._handouts: Handouts | None = None
        self.places = ReadingPlaces(window.article_view, window.pack, window.profile, self)
        self._questions_dialog: MyQuestionsDialog | None = None
        c = window.commands
        available = set(window.actions())
        if c.save_article in available:
            bar.add_action(c.save_article, "saveArticleButton", icon=False)  # a star: text
        if c.print in available:
            bar.add_action(c.print, "printArticleButton")
        c.large_print.setChecked(self._profile.large_print())
        c.large_print.toggled.connect(self._profile.set_large_print)
        c.save_pdf.triggered.connect(self.save_article_pdf)
        c.save_article.toggled.connect(self._on_save_toggled)
        c.saved_list.triggered.connect(lambda: self.show_reading_list(SAVED_TAB))
        c.recent_list.triggered.connect(lambda: self.show_reading_list(RECENT_TAB))
        c.my_questions.triggered.connect(self.show_questions)
        c.add_question.triggered.connect(self.add_question)
        c.clear_data.triggered.connect(self.clear_data)
        # connected before the window's own slots, so the place is noted before the change
        for action in (c.larger_text, c.smaller_text, c.normal_text):
            action.triggered.connect(self.places.hold)
        window.text_size.changed.connect(lambda _percent: self.places.restore_held())
        window.article_view.anchorClicked.connect(self._on_anchor_clicked)
        window.location_opened.connect(self._on_location_opened)

    # -- the page on show ---------------------------------------------------------------------

    def leave_page(self) -> None:
        """The page is about to be replaced (or the window closed): keep the reader's place."""
        if self._lists:
            self.places.leave()

    def page_end(self, location: str) -> str:
        """HTML for the end of an article: my questions about it ("" elsewhere)."""
        article = self._pack.article(location)
        if not self._lists or article is None or article.error:
            return ""
        return page_end_html(location, article.body, self._profile.questions())

    def _on_location_opened(self, location: str) -> None:
        self._location = location
        article = self._pack.article(location)
        c = self._window.commands
        for action in (c.print, c.save_pdf, c.save_article, c.add_question):
            action.setEnabled(article is not None)
        section = location.rpartition("/")[0] if article is not None else ""
        self._bar.show_section(self._pack.outline.section_title(section))
        self._show_saved_state()
        if self._lists and article is not None:
            self._profile.add_recent(location)
            self.places.arrive(location, split_fragment(self._window.history.current)[1])

    def _show_saved_state(self) -> None:
        action = self._window.commands.save_article
        with QSignalBlocker(action):
            action.setChecked(self._location in self._profile.saved_articles())
        self._bar.show_saved(action)

    def _refresh_page_end(self) -> None:
        """Show the article again with its new end, at the same place on screen."""
        view = self._window.article_view
        if self._pack.article(self._location) is None:
            return
        scroll = view.verticalScrollBar().value()
        view.show_page(self._window.pages.html(self._location) + self.page_end(self._location))
        view.verticalScrollBar().setValue(scroll)

    # -- handouts -------------------------------------------------------------------------------

    @property
    def handouts(self) -> Handouts:
        """Printing and saving handouts.

        Qt's print support and the renderer load on first use: start-up never waits for them.
        """
        if self._handouts is None:
            from guide.ui.handouts import Handouts  # noqa: PLC0415 - deferred, see above

            window = self._window
            self._handouts = Handouts(window.pages, window.profile, window.policy, window)
            self._handouts.notice_raised.connect(window.show_notice)
        return self._handouts

    def print_article(self) -> None:
        """Print the article on show as a handout (the printer dialog chooses where)."""
        if self._pack.article(self._location) is not None:
            self.handouts.print_handout(self.handouts.writer().article(self._location))

    def save_article_pdf(self) -> None:
        """Save the article on show as a PDF handout."""
        if self._pack.article(self._location) is not None:
            self.handouts.save_handout(self.handouts.writer().article(self._location))

    # -- saved and recent -----------------------------------------------------------------------

    def _on_save_toggled(self, saved: bool) -> None:
        article = self._pack.article(self._location)
        if article is not None:
            self._profile.set_saved(self._location, saved)
            # Ctrl+D changes a star the keyboard is not on: say what happened
            announce(self._window, f"Saved: {article.title}" if saved
                     else f"Taken off your saved articles: {article.title}")
        self._show_saved_state()

    def show_reading_list(self, tab: int) -> ReadingListDialog:
        """Show the saved (or recently read) articles; choosing one opens it."""
        dialog = ReadingListDialog(self._pack, self._profile, tab, self._window)
        dialog.article_requested.connect(self._window.open_location)
        dialog.finished.connect(lambda _result: self._show_saved_state())
        self._window.open_dialog(dialog)
        return dialog

    # -- my questions ---------------------------------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != ASK_SCHEME:
            return
        href = url.toString()
        if href == ADD_QUESTION_HREF:
            self.add_question()
        elif href == ADD_SUGGESTED_HREF:
            self.add_suggested_questions()
        elif href == SHOW_QUESTIONS_HREF:
            self.show_questions()

    def add_question(self) -> AddQuestionDialog:
        """Ask for a question about the article on show."""
        article = self._pack.article(self._location)
        dialog = AddQuestionDialog(self._location if article else "",
                                   article.title if article else "", self._window)
        dialog.question_entered.connect(self._on_question_entered)
        self._window.open_dialog(dialog)
        return dialog

    def _on_question_entered(self, article_id: str, text: str) -> None:
        self._add_questions([Question(article_id, text)])

    def add_suggested_questions(self) -> int:
        """Add the article's suggested questions that are not in the list yet; how many."""
        article = self._pack.article(self._location)
        if article is None:
            return 0
        return self._add_questions(
            [Question(article.id, text) for text in suggested_questions(article.body)])

    def _add_questions(self, new: list[Question]) -> int:
        questions = list(self._profile.questions())
        added = [q for q in dict.fromkeys(new) if q not in questions]
        if added:
            self._profile.set_questions(questions + added)
            self._on_questions_changed()
        return len(added)

    def _on_questions_changed(self) -> None:
        self._refresh_page_end()
        if self._questions_dialog is not None:
            self._questions_dialog.refresh()

    def show_questions(self) -> MyQuestionsDialog:
        """Show my questions, grouped by article, to edit, order and print."""
        if self._questions_dialog is not None:
            self._questions_dialog.raise_()
            self._questions_dialog.activateWindow()
            return self._questions_dialog
        policy = self._window.policy
        dialog = MyQuestionsDialog(self._pack, self._profile, can_print=policy.can_print,
                                   can_save=policy.can_show_files, parent=self._window)
        dialog.questions_changed.connect(self._refresh_page_end)
        dialog.print_requested.connect(
            lambda: self.handouts.print_handout(self._questions_handout()))
        dialog.pdf_requested.connect(
            lambda: self.handouts.save_handout(self._questions_handout()))
        dialog.destroyed.connect(self._forget_questions_dialog)
        self._questions_dialog = dialog
        self._window.open_dialog(dialog)
        return dialog

    def _forget_questions_dialog(self) -> None:
        self._questions_dialog = None

    def _questions_handout(self) -> Handout:
        return self.handouts.writer().questions(self._profile.questions())

    # -- your data ------------------------------------------------------------------------------

    def clear_data(self) -> QDialog:
        """Show what is kept about the reader, and clear it if they confirm."""
        dialog = ClearDataDialog(self._profile, self._window)
        dialog.accepted.connect(self._on_data_cleared)
        self._window.open_dialog(dialog)
        return dialog

    def _on_data_cleared(self) -> None:
        self.forget()
        self._window.show_notice(self._profile.take_notice()
                                 or "Your data was cleared from this computer.")

    def forget(self) -> None:
        """After the profile was cleared: show nothing of the last reader's lists."""
        c = self._window.commands
        with QSignalBlocker(c.large_print):
            c.large_print.setChecked(False)
        self._show_saved_state()
        self._refresh_page_end()
        if self._questions_dialog is not None:
            self._questions_dialog.refresh()
