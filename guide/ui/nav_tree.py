"""The navigation tree of sections and articles."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
    QAccessibleTableModelChangeEvent,
    QFocusEvent,
    QPainter,
    QPalette,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from guide.ui.nav_model import ARTICLE_ID_ROLE, NavModel
from guide.ui.theme import FOCUS_RING, draw_focus_ring, paint_as_panel
from guide.ui.touch import MinRowHeight

EXPAND_ALL_LIMIT = 400
"""Packs with more articles than this start with their sections closed."""
TARGET = 24
"""The least width and height of anything a reader clicks, in pixels (WCAG 2.2 AA, 2.5.8)."""


class _WrappedRows(MinRowHeight, QStyledItemDelegate):
    """Rows that hold the whole title, wrapped to the tree's width, with air to hit them."""

    PADDING = 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:
        """The wrapped title plus some air above and below; never under :data:`TARGET`."""
        view = self.parent()
        if isinstance(view, NavTree):
            # Qt asks for a row's height without saying how wide the row is: say it, or the
            # title is measured as one long line and cut off when drawn
            option = QStyleOptionViewItem(option)
            option.rect = QRect(0, 0, view.title_width(index), TARGET)
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height() + self.PADDING, TARGET, self.min_height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """The row, without the style's focus rectangle (the tree draws a visible one).

        The article being read keeps a bar in the selection colour at its left edge while
        the list has no focus: its quiet fill alone is under 3:1 against the panel (WCAG
        1.4.11), and the bar is 3:1 or more in every theme.
        """
        option = QStyleOptionViewItem(option)
        option.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_Selected \
                and not option.state & QStyle.StateFlag.State_Active:
            bar = QRect(option.rect.left(), option.rect.top(), 4, option.rect.height())
            painter.fillRect(bar, option.palette.color(QPalette.ColorGroup.Active,
                                                       QPalette.ColorRole.Highlight))


class _GrowingArrows(QProxyStyle):
    """The app's style, with open and close arrows that grow with the text.

    Fusion draws them about 8 px wide whatever the text size, and grey: hard to see at 200%.
    """

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        """A triangle in the text's colour for a section's arrow; the base style otherwise."""
        if element != QStyle.PrimitiveElement.PE_IndicatorBranch:
            super().drawPrimitive(element, option, painter, widget)
            return
        if not option.state & QStyle.StateFlag.State_Children:
            return
        rect: QRect = option.rect
        size = max(7.0, option.fontMetrics.height() * 0.45)
        centre = QPointF(rect.center().x() + 0.5, rect.center().y() + 0.5)
        half = size / 2
        if option.state & QStyle.StateFlag.State_Open:
            points = [QPointF(-half, -half / 2), QPointF(half, -half / 2), QPointF(0, half / 2)]
        else:
            side = -1 if option.direction == Qt.LayoutDirection.RightToLeft else 1
            points = [QPointF(-side * half / 2, -half), QPointF(side * half / 2, 0),
                      QPointF(-side * half / 2, half)]
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(role))
        painter.drawPolygon(QPolygonF([centre + point for point in points]))
        painter.restore()


class NavTree(QTreeView):
    """Shows a :class:`NavModel`; selecting an article asks for it to be opened.

    Follows the article shown (:meth:`select_article`) with both its selection and its current
    item, which is what a screen reader says when the keyboard comes back to the tree.

    Signals:
        article_requested(str): the reader chose an article (by click or keyboard).
    """

    article_requested = Signal(str)

    def __init__(self, model: NavModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._following = False
        self.setObjectName("navTree")
        self.setAccessibleName("Articles")
        self.setAccessibleDescription("Sections and articles of the guide")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setItemDelegate(_WrappedRows(self))
        # long titles wrap instead of being cut off at large text sizes, so rows differ in height
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        # rows of different heights: scrolling by item left the article read out of view
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIndentation(TARGET)  # the open/close arrow's click area is this wide
        self._arrows = _GrowingArrows()  # over the application's style, whichever it is
        self._arrows.setParent(self)
        self.setStyle(self._arrows)
        paint_as_panel(self)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        if model.outline.article_count() <= EXPAND_ALL_LIMIT:
            self.expandAll()
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.expanded.connect(self._on_branch_toggled)
        self.collapsed.connect(self._on_branch_toggled)

    def nav_model(self) -> NavModel:
        """The model this tree shows."""
        model = self.model()
        assert isinstance(model, NavModel)
        return model

    def select_article(self, article_id: str) -> None:
        """Make an article the current, selected row and reveal it, without opening it again."""
        index = self.nav_model().index_of_article(article_id)
        self._following = True
        try:
            if index.isValid():
                parent = index.parent()
                while parent.isValid():  # large packs start collapsed: open the way
                    self.expand(parent)
                    parent = parent.parent()
                self.setCurrentIndex(index)
                if not self.viewport().rect().contains(self.visualRect(index)):
                    # in the middle, with its neighbours: at the edge, Qt leaves it cut by a pixel
                    self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            else:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
        finally:
            self._following = False

    def title_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """Pixels a row's title can use: the tree's width less the indentation of its level."""
        steps = self.nav_model().level(index) - (0 if self.rootIsDecorated() else 1)
        return max(self.viewport().width() - steps * self.indentation(), TARGET)

    # -- painting ---------------------------------------------------------------------------

    def drawRow(self, painter: QPainter, option: QStyleOptionViewItem,
                index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw a row; the current row gets a focus ring while the tree has the keyboard.

        Fusion's own focus rectangle is one pixel of nearly the selection's colour, invisible
        on a selected row, so the ring is drawn here: in the selection's text colour inside a
        selected row, in the selection colour round a row that is not selected.
        """
        super().drawRow(painter, option, index)
        if index != self.currentIndex() or not self.hasFocus():
            return
        palette = self.palette()
        if self.selectionModel().isSelected(index):
            colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
            ring = option.rect.adjusted(FOCUS_RING, FOCUS_RING, -FOCUS_RING, -FOCUS_RING)
        else:
            colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
            ring = QRect(option.rect)
        draw_focus_ring(painter, ring, colour)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrap titles again when the tree's width changes."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    # -- assistive technology ---------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Take the focus, then tell assistive technology which item is current."""
        super().focusInEvent(event)
        # Qt says the tree got the focus (after this handler), and a screen reader then asks
        # the tree for its selected item; Qt answers with the wrong one, counting the row within
        # its section as if the tree were flat. Naming the current item afterwards corrects it.
        QTimer.singleShot(0, self, self._tell_current_item)

    def _tell_current_item(self) -> None:
        tree = self._accessible_tree()
        item = tree.focusChild() if tree is not None and self.hasFocus() else None
        if tree is None or item is None:
            return
        event = QAccessibleEvent(self, QAccessible.Event.Focus)
        event.setChild(tree.indexOfChild(item))
        QAccessible.updateAccessibility(event)

    def _on_branch_toggled(self, index: QModelIndex) -> None:
        tree = self._accessible_tree()
        if tree is None:
            return
        # Qt keeps the tree's accessible items by their row on screen and does not number them
        # again when a section opens or closes: Down after closing one named a hidden article
        reset = QAccessibleTableModelChangeEvent(
            self, QAccessibleTableModelChangeEvent.ModelChangeType.ModelReset)
        QAccessible.updateAccessibility(reset)
        centre = self.viewport().mapToGlobal(self.visualRect(index).center())
        item = tree.childAt(centre.x(), centre.y()) if self.visualRect(index).isValid() else None
        if item is None:
            return
        changed = QAccessible.State()
        changed.expanded = True
        changed.collapsed = True
        event = QAccessibleStateChangeEvent(self, changed)
        event.setChild(tree.indexOfChild(item))
        QAccessible.updateAccessibility(event)  # so "expanded" or "collapsed" is said
        if index == self.currentIndex():
            # the reset above (and Qt's own, after a section opens) left Orca 43 following an
            # item that no longer exists, so it said nothing; the focus again on the row, once
            # Qt is done, makes it say "Treatments collapsed. Section, level 1, 4 of 8"
            QTimer.singleShot(0, self, self._tell_current_item)

    def _accessible_tree(self) -> QAccessibleInterface | None:
        """The tree's accessible interface, only while assistive technology is listening."""
        return QAccessible.queryAccessibleInterface(self) if QAccessible.isActive() else None

    # -- choosing -----------------------------------------------------------------------------

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._following:
            return
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
