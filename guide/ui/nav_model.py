"""Item model exposing the pack's section/article tree to Qt views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from guide.model import Article, Section

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role holding an article's id ("" for sections)."""

Index = QModelIndex | QPersistentModelIndex
Node = Section | Article


class NavModel(QAbstractItemModel):
    """An adapter between the immutable :class:`Section` tree and Qt's model interface."""

    def __init__(self, tree: Section, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = tree
        self._parent_of: dict[int, Section] = {}
        self._row_of: dict[int, int] = {}
        self._index_by_article: dict[str, Node] = {}
        self._remember(tree)
        self._bold = QFont()
        self._bold.setBold(True)

    def _remember(self, section: Section) -> None:
        for row, child in enumerate(section.children):
            self._parent_of[id(child)] = section
            self._row_of[id(child)] = row
            if isinstance(child, Section):
                self._remember(child)
            else:
                self._index_by_article[child.id] = child

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        node: Node = index.internalPointer()
        return node

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Index of the child at ``row`` of ``parent``."""
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if not isinstance(node, Section) or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Index of the section holding ``index``."""
        if not index.isValid():
            return QModelIndex()
        parent = self._parent_of.get(id(self._node(index)))
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(self._row_of[id(parent)], 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of children of ``parent``."""
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if isinstance(node, Section) else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: ARG002, B008
        """One column: the title."""
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Sections and articles are selectable; sections open and close."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title, tooltip, accessible text, font and article id."""
        if not index.isValid():
            return None
        node = self._node(index)
        if role in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole}:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(node, Article):
                return node.summary or node.title
            return f"Section: {node.title}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return "Article" if isinstance(node, Article) else "Section"
        if role == Qt.ItemDataRole.FontRole and isinstance(node, Section):
            return self._bold
        if role == ARTICLE_ID_ROLE:
            return node.id if isinstance(node, Article) else ""
        return None

    def index_of_article(self, article_id: str) -> QModelIndex:
        """Index of the article with this id, or an invalid index."""
        node = self._index_by_article.get(article_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(self._row_of[id(node)], 0, node)
