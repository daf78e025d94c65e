"""Item model exposing the pack's outline of sections and articles to Qt views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from guide.outline import Outline, Row

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role holding an article's id ("" for sections)."""

Index = QModelIndex | QPersistentModelIndex


class _Node:
    """One row, with what Qt needs to find its parent. Created only when Qt asks for it."""

    __slots__ = ("parent_id", "row", "value")

    def __init__(self, value: Row, parent_id: str, row: int) -> None:
        self.value = value
        self.parent_id = parent_id
        self.row = row


class NavModel(QAbstractItemModel):
    """An adapter between the pack's :class:`Outline` and Qt's model interface."""

    def __init__(self, outline: Outline, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outline = outline
        self._nodes: dict[tuple[str, int], _Node] = {}  # (parent section id, row) -> node
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def outline(self) -> Outline:
        """The outline shown."""
        return self._outline

    def _node_at(self, parent_id: str, row: int) -> _Node | None:
        key = (parent_id, row)
        node = self._nodes.get(key)
        if node is None:
            rows = self._outline.rows(parent_id)
            if not 0 <= row < len(rows):
                return None
            node = self._nodes[key] = _Node(rows[row], parent_id, row)
        return node

    @staticmethod
    def _node(index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        return node

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Index of the child at ``row`` of ``parent``."""
        if column != 0 or row < 0:
            return QModelIndex()
        parent_node = self._node(parent)
        if parent_node is not None and not parent_node.value.is_section:
            return QModelIndex()
        node = self._node_at(parent_node.value.id if parent_node else "", row)
        return self.createIndex(row, 0, node) if node is not None else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Index of the section holding ``index``."""
        node = self._node(index)
        if node is None or not node.parent_id:
            return QModelIndex()
        return self._section_index(node.parent_id)

    def _section_index(self, section_id: str) -> QModelIndex:
        parent_id = self._outline.parent_of(section_id)
        for row, value in enumerate(self._outline.rows(parent_id)):
            if value.is_section and value.id == section_id:
                node = self._node_at(parent_id, row)
                return self.createIndex(row, 0, node)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of children of ``parent``."""
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        if node is None:
            return len(self._outline.rows(""))
        return len(self._outline.rows(node.value.id)) if node.value.is_section else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: ARG002, B008
        """One column: the title."""
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Sections and articles are selectable; articles never have children.

        Saying so stops the tree telling screen readers that articles are "expanded", and lets
        Left on an article go to its section.
        """
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not node.value.is_section:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title, tooltip, accessible text, font and article id."""
        node = self._node(index)
        if node is None:
            return None
        value = node.value
        if role in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole}:
            return value.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return value.tooltip
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._description(node)
        if role == Qt.ItemDataRole.FontRole and value.is_section:
            return self._bold
        if role == ARTICLE_ID_ROLE:
            return "" if value.is_section else value.id
        return None

    def level(self, index: Index) -> int:
        """How deep ``index`` sits: 1 for the top level, 2 inside a section, and so on."""
        node = self._node(index)
        return self._level(node) if node is not None else 0

    def _level(self, node: _Node) -> int:
        level, parent_id = 1, node.parent_id
        while parent_id:
            level, parent_id = level + 1, self._outline.parent_of(parent_id)
        return level

    def _description(self, node: _Node) -> str:
        # Qt's tree items give assistive technology neither their level nor their place (no
        # level attribute over AT-SPI), so the description says both, as a screen reader would
        kind = "Section" if node.value.is_section else "Article"
        siblings = len(self._outline.rows(node.parent_id))
        return f"{kind}, level {self._level(node)}, {node.row + 1} of {siblings}"

    def index_of_article(self, article_id: str) -> QModelIndex:
        """Index of the article with this id, or an invalid index."""
        location = self._outline.locate(article_id)
        if location is None:
            return QModelIndex()
        parent_id, row = location
        node = self._node_at(parent_id, row)
        return self.createIndex(row, 0, node) if node is not None else QModelIndex()
