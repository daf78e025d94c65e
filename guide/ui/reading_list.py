"""Saved and recently read articles: two lists in one window, each entry opening its article."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guide.model import Pack
from guide.profile import Profile

SAVED_TAB = 0
RECENT_TAB = 1
_ID_ROLE = Qt.ItemDataRole.UserRole
_GONE_ROLE = Qt.ItemDataRole.UserRole + 1
_REMOVE_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}


class ReadingListDialog(QDialog):
    """"Saved" and "Recently read": Enter (or a double click) opens, Delete removes.

    Saved articles that are no longer in the guide are listed as such; they open nothing
    and can be removed.

    Signals:
        article_requested(str): open this article (the dialog closes).
    """

    article_requested = Signal(str)

    def __init__(self, pack: Pack, profile: Profile, tab: int = SAVED_TAB,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingListDialog")
        self.setWindowTitle("Saved and recently read")
        self.setAccessibleName("Saved and recently read articles")
        self._pack = pack
        self._profile = profile
        self.tabs = QTabWidget()
        self.saved = self._list("savedList", "Saved articles")
        self.recent = self._list("recentList", "Recently read articles")
        self.saved_empty = QLabel()
        self.recent_empty = QLabel()
        self.tabs.addTab(self._page(self.saved, self.saved_empty, "savedEmpty"), "&Saved")
        self.tabs.addTab(self._page(self.recent, self.recent_empty, "recentEmpty"),
                         "&Recently read")
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton("&Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("openButton")
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setObjectName("removeButton")
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeButton")
        buttons.accepted.connect(self.open_current)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove_current)
        self.tabs.currentChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(520, 440)
        self.refresh()
        self.show_tab(tab)

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setUniformItemSizes(True)
        widget.setSpacing(3)  # rows a tired hand can hit
        widget.installEventFilter(self)
        widget.itemActivated.connect(lambda _item: self.open_current())
        widget.currentRowChanged.connect(lambda _row: self._update_buttons())
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete (or Backspace) in a list removes the chosen entry."""
        if watched in {self.saved, self.recent} and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in _REMOVE_KEYS \
                and not event.modifiers():
            self.remove_current()
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _page(widget: QListWidget, empty: QLabel, empty_name: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        empty.setObjectName(empty_name)
        empty.setWordWrap(True)
        layout.addWidget(empty)
        layout.addWidget(widget, 1)
        return page

    def show_tab(self, tab: int) -> None:
        """Show the saved (0) or the recent (1) list, with its first entry chosen."""
        self.tabs.setCurrentIndex(tab)
        widget = self.current_list()
        if widget.count() and widget.currentRow() < 0:
            widget.setCurrentRow(0)
        widget.setFocus()
        self._update_buttons()

    def current_list(self) -> QListWidget:
        """The list on show."""
        return self.saved if self.tabs.currentIndex() == SAVED_TAB else self.recent

    def refresh(self) -> None:
        """Fill both lists from the profile."""
        self._fill(self.saved, self._profile.saved_articles(), self.saved_empty,
                   "You have not saved any articles yet. Press Ctrl+D or the star above an "
                   "article to save it here.")
        self._fill(self.recent, self._profile.recent_articles(), self.recent_empty,
                   "The articles you read will be listed here.")
        self._update_buttons()

    def _fill(self, widget: QListWidget, ids: tuple[str, ...], empty: QLabel,
              empty_text: str) -> None:
        row = max(0, widget.currentRow())
        widget.clear()
        for article_id in ids:
            article = self._pack.article(article_id)
            item = QListWidgetItem()
            item.setData(_ID_ROLE, article_id)
            if article is None:
                item.setText(f"{article_id} \u2013 no longer in this guide")
                item.setData(_GONE_ROLE, "gone")
                font = QFont(widget.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(widget.palette().color(QPalette.ColorRole.PlaceholderText))
                item.setToolTip("This article was removed from the guide. Press Delete to "
                                "remove it from your list.")
            else:
                section = self._pack.outline.section_title(article_id.rpartition("/")[0])
                item.setText(f"{article.title}  \u2013  {section}" if section else article.title)
                item.setToolTip(article.summary or article.title)
            widget.addItem(item)
        if widget.count():
            widget.setCurrentRow(min(row, widget.count() - 1))
        empty.setText(empty_text)
        empty.setVisible(not ids)

    def _current_item(self) -> QListWidgetItem | None:
        widget = self.current_list()
        return widget.item(widget.currentRow()) if widget.currentRow() >= 0 else None

    def _update_buttons(self) -> None:
        item = self._current_item()
        self.open_button.setEnabled(item is not None and not item.data(_GONE_ROLE))
        self.remove_button.setEnabled(item is not None)
        saved = self.tabs.currentIndex() == SAVED_TAB
        self.remove_button.setText("Re&move" if saved else "Re&move from this list")

    def open_current(self) -> None:
        """Open the chosen article (one no longer in the guide opens nothing)."""
        item = self._current_item()
        if item is None or item.data(_GONE_ROLE):
            return
        self.article_requested.emit(str(item.data(_ID_ROLE)))
        self.accept()

    def remove_current(self) -> None:
        """Take the chosen entry off its list."""
        item = self._current_item()
        if item is None:
            return
        article_id = str(item.data(_ID_ROLE))
        if self.tabs.currentIndex() == SAVED_TAB:
            self._profile.set_saved(article_id, saved=False)
        else:
            self._profile.remove_recent(article_id)
        self.refresh()
