"""The navigation tree of sections and articles."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from guide.ui.nav_model import ARTICLE_ID_ROLE, NavModel
from guide.ui.theme import paint_as_panel
from guide.ui.touch import MinRowHeight

EXPAND_ALL_LIMIT = 400
"""Packs with more articles than this start with their sections closed."""


class _RoomyRows(MinRowHeight, QStyledItemDelegate):
    """Taller rows: easier to hit with a shaky hand or a finger, easier to read."""

    PADDING = 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:
        """The normal size plus some air above and below (at least the touch size, if set)."""
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height() + self.PADDING, self.min_height))


class NavTree(QTreeView):
    """Shows a :class:`NavModel`; selecting an article asks for it to be opened.

    Signals:
        article_requested(str): the reader chose an article (by click or keyboard).
    """

    article_requested = Signal(str)

    def __init__(self, model: NavModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navTree")
        self.setAccessibleName("Articles")
        self.setAccessibleDescription("Sections and articles of the guide")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setItemDelegate(_RoomyRows(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIndentation(14)
        paint_as_panel(self)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        if model.outline.article_count() <= EXPAND_ALL_LIMIT:
            self.expandAll()
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def nav_model(self) -> NavModel:
        """The model this tree shows."""
        model = self.model()
        assert isinstance(model, NavModel)
        return model

    def select_article(self, article_id: str) -> None:
        """Select and reveal an article without asking for it to be opened again."""
        index = self.nav_model().index_of_article(article_id)
        with QSignalBlocker(self.selectionModel()):
            if index.isValid():
                parent = index.parent()
                while parent.isValid():  # large packs start collapsed: open the way
                    self.expand(parent)
                    parent = parent.parent()
                self.setCurrentIndex(index)
                self.scrollTo(index)
            else:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
        self.viewport().update()

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        article_id = self._article_id(indexes[0])
        if article_id:
            self.article_requested.emit(article_id)

    @staticmethod
    def _article_id(index: QModelIndex) -> str:
        value = index.data(ARTICLE_ID_ROLE)
        return value if isinstance(value, str) else ""
