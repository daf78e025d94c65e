"""My questions for the doctor: adding one, and the list grouped by article to edit and order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide.model import Pack
from guide.profile import Profile
from guide.questions import (
    MAX_QUESTION_LENGTH,
    OTHER_QUESTIONS,
    QUESTIONS_TITLE,
    Question,
    clean_question,
    flattened,
    grouped,
    moved,
    moved_group,
)

_INDEX_ROLE = Qt.ItemDataRole.UserRole
"""A question's place in the grouped order; -1 on an article's row."""
_ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


class AddQuestionDialog(QDialog):
    """One line to type a question about an article (or about none).

    Signals:
        question_entered(str, str): the article id ("" for none) and the question, cleaned.
    """

    question_entered = Signal(str, str)

    def __init__(self, article_id: str, about: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addQuestionDialog")
        self.setWindowTitle("Add a question for the doctor")
        self._article_id = article_id
        intro = QLabel(f"Your question about \u201c{about}\u201d:" if about
                       else "Your question:")
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("questionField")
        self.field.setAccessibleName("Question")
        self.field.setMaxLength(MAX_QUESTION_LENGTH)
        self.field.setPlaceholderText("For example: how long before I know if it works?")
        self.field.setMinimumWidth(460)
        intro.setBuddy(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton("&Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("addButton")
        self.add_button.setDefault(True)
        self.add_button.setEnabled(False)
        self.field.textChanged.connect(
            lambda text: self.add_button.setEnabled(bool(clean_question(text))))
        buttons.accepted.connect(self._on_add)
        buttons.rejected.connect(self.reject)
        self.field.returnPressed.connect(self._on_add)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(buttons)

    def _on_add(self) -> None:
        text = clean_question(self.field.text())
        if text:
            self.question_entered.emit(self._article_id, text)
            self.accept()


class MyQuestionsDialog(QDialog):
    """Every question, under the article it is about: edit (F2), move (Alt+Up/Down), remove.

    Signals:
        questions_changed(): the reader added, edited, moved or removed a question.
        print_requested(): print the questions on one page.
        pdf_requested(): save them as a one-page PDF.
    """

    questions_changed = Signal()
    print_requested = Signal()
    pdf_requested = Signal()

    def __init__(self, pack: Pack, profile: Profile, *, can_print: bool = True,
                 can_save: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myQuestionsDialog")
        self.setWindowTitle(QUESTIONS_TITLE)
        self.setAccessibleName(QUESTIONS_TITLE)
        self._pack = pack
        self._profile = profile
        self.tree = QTreeWidget()
        self.tree.setObjectName("questionsTree")
        self.tree.setAccessibleName("My questions, by article")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel("You have no questions yet. At the end of each article you can "
                            "add your own, or the article's suggested questions.")
        self.empty.setObjectName("questionsEmpty")
        self.empty.setWordWrap(True)
        side = self._side_buttons(can_print=can_print, can_save=can_save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        keys = QLabel("F2 edits the chosen question, Alt+Up and Alt+Down move it (or a whole "
                      "article's questions), Delete removes it.")
        keys.setObjectName("questionsKeys")
        keys.setWordWrap(True)
        main = QVBoxLayout()
        main.addWidget(self.empty)
        main.addWidget(self.tree, 1)
        main.addWidget(keys)
        row = QHBoxLayout()
        row.addLayout(main, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.refresh()
        self.tree.setFocus()

    def _side_buttons(self, *, can_print: bool, can_save: bool) -> QVBoxLayout:
        side = QVBoxLayout()
        self.add_button = self._button("&Add a question\u2026", "addQuestionButton", side)
        self.edit_button = self._button("&Edit", "editQuestionButton", side)
        self.up_button = self._button("Move &up", "moveUpButton", side)
        self.down_button = self._button("Move &down", "moveDownButton", side)
        self.remove_button = self._button("&Remove", "removeQuestionButton", side)
        side.addStretch(1)
        self.print_button = self._button("&Print\u2026", "printQuestionsButton", side)
        self.pdf_button = self._button("Save as P&DF\u2026", "pdfQuestionsButton", side)
        self.print_button.setVisible(can_print)
        self.pdf_button.setVisible(can_save)
        self.add_button.clicked.connect(self.add_question)
        self.edit_button.clicked.connect(self.edit_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.remove_button.clicked.connect(self.remove_current)
        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.tree.installEventFilter(self)
        return side

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the list: Alt+Up and Alt+Down move, Delete removes (F2 edits, as in any list)."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and self.tree.state() \
                != QAbstractItemView.State.EditingState:
            alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
            if alt and event.key() in {Qt.Key.Key_Up, Qt.Key.Key_Down}:
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else +1)
                return True
            if not event.modifiers() and event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, name: str, layout: QVBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        layout.addWidget(button)
        return button

    # -- the list ---------------------------------------------------------------------------

    def questions(self) -> list[Question]:
        """The questions in the order shown."""
        return flattened(grouped(self._profile.questions()))

    def refresh(self, select: tuple[str, int] | None = None) -> None:
        """Rebuild the tree; ``select`` is (article id, question index or -1) to choose."""
        with QSignalBlocker(self.tree):
            chosen, count = self._fill(select)
        self.empty.setVisible(count == 0)
        if chosen is None and self.tree.topLevelItemCount():
            first = self.tree.topLevelItem(0)
            chosen = first.child(0) if first is not None and first.childCount() else first
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._update_buttons()

    def _fill(self, select: tuple[str, int] | None) -> tuple[QTreeWidgetItem | None, int]:
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        index = 0
        chosen: QTreeWidgetItem | None = None
        for article_id, items in grouped(self._profile.questions()):
            article = self._pack.article(article_id)
            title = article.title if article else OTHER_QUESTIONS if not article_id \
                else f"{article_id} \u2013 no longer in this guide"
            group = QTreeWidgetItem(self.tree, [title])
            group.setFont(0, bold)
            group.setData(0, _INDEX_ROLE, -1)
            group.setData(0, _ARTICLE_ROLE, article_id)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if select == (article_id, -1):
                chosen = group
            for question in items:
                item = QTreeWidgetItem(group, [question.text])
                item.setData(0, _INDEX_ROLE, index)
                item.setData(0, _ARTICLE_ROLE, article_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                if select is not None and select[1] == index:
                    chosen = item
                index += 1
        self.tree.expandAll()
        return chosen, index

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        has_questions = bool(self._profile.questions())
        is_question = item is not None and int(item.data(0, _INDEX_ROLE)) >= 0
        self.edit_button.setEnabled(is_question)
        self.remove_button.setEnabled(item is not None)
        self.up_button.setEnabled(item is not None)
        self.down_button.setEnabled(item is not None)
        self.print_button.setEnabled(has_questions)
        self.pdf_button.setEnabled(has_questions)

    def _save(self, questions: list[Question], select: tuple[str, int] | None) -> None:
        self._profile.set_questions(questions)
        self.refresh(select)
        self.questions_changed.emit()

    # -- what the reader does ---------------------------------------------------------------

    def add_question(self) -> None:
        """Ask for a new question about the chosen article (or about none)."""
        item = self.tree.currentItem()
        article_id = str(item.data(0, _ARTICLE_ROLE)) if item is not None else ""
        article = self._pack.article(article_id)
        dialog = AddQuestionDialog(article_id, article.title if article else "", self)
        dialog.question_entered.connect(self._on_question_entered)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_question_entered(self, article_id: str, text: str) -> None:
        questions = self.questions()
        if Question(article_id, text) in questions:
            return
        questions.append(Question(article_id, text))
        ordered = flattened(grouped(questions))
        self._save(ordered, (article_id, ordered.index(Question(article_id, text))))

    def edit_current(self) -> None:
        """Edit the chosen question in place."""
        item = self.tree.currentItem()
        if item is not None and int(item.data(0, _INDEX_ROLE)) >= 0:
            self.tree.editItem(item, 0)

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        index = int(item.data(0, _INDEX_ROLE))
        questions = self.questions()
        if index < 0 or index >= len(questions):
            return
        text = clean_question(item.text(0))
        if not text:  # an emptied question keeps its old words
            self.refresh((questions[index].article_id, index))
            return
        questions[index] = Question(questions[index].article_id, text)
        self._save(questions, (questions[index].article_id, index))

    def move_current(self, step: int) -> None:
        """Move the chosen question within its article, or the chosen article's group."""
        item = self.tree.currentItem()
        if item is None:
            return
        index = int(item.data(0, _INDEX_ROLE))
        article_id = str(item.data(0, _ARTICLE_ROLE))
        questions = self.questions()
        if index < 0:
            self._save(moved_group(questions, article_id, step), (article_id, -1))
            return
        after = moved(questions, index, step)
        target = index + step if after != questions else index
        self._save(after, (article_id, target))

    def remove_current(self) -> None:
        """Remove the chosen question (or every question about the chosen article)."""
        item = self.tree.currentItem()
        if item is None:
            return
        index = int(item.data(0, _INDEX_ROLE))
        article_id = str(item.data(0, _ARTICLE_ROLE))
        questions = self.questions()
        if index < 0:
            kept = [q for q in questions if q.article_id != article_id]
            self._save(kept, None)
        else:
            del questions[index]
            self._save(questions, (article_id, max(0, index - 1)) if index else None)
