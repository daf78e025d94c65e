"""Keyboard help: F6 moves between the window's panes, and a list of every shortcut."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLayout,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide.ui.announce import announce


class PaneCycler(QObject):
    """F6 / Shift+F6 move the keyboard to the next / previous pane, as in a web browser.

    ``panes`` gives the stops in screen order (the list of articles or search results, the
    article, the quick facts, the search box); hidden ones are skipped.
    """

    def __init__(self, panes: Callable[[], Sequence[QWidget]], parent: QObject) -> None:
        super().__init__(parent)
        self._panes = panes

    def step(self, step: int) -> None:
        """Focus the next (+1) or previous (-1) visible pane."""
        panes = [pane for pane in self._panes() if pane.isVisible()]
        if not panes:
            return
        current = QApplication.focusWidget()
        focus = next((n for n, pane in enumerate(panes) if current is not None
                      and (pane is current or pane.isAncestorOf(current))), None)
        target = panes[((focus if focus is not None else -1) + step) % len(panes)]
        _focus_first_stop(target)
        announce(target, target.accessibleName())


def _focus_first_stop(pane: QWidget) -> None:
    """Focus ``pane``, or the first control inside it when it is no stop itself (a sidebar)."""
    if pane.focusPolicy() & Qt.FocusPolicy.TabFocus:
        pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:  # the whole chain, once round
        if pane.isAncestorOf(widget) and widget.isVisible() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()


def stops_in_screen_order(container: QWidget) -> list[QWidget]:
    """The Tab stops inside ``container`` in the order its layouts show them.

    That is top to bottom, then left to right, whatever order they were made in.
    """
    stops: list[QWidget] = []

    def visit(widget: QWidget) -> None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            stops.append(widget)
        inner = widget.widget() if isinstance(widget, QScrollArea) else None
        if inner is not None:
            visit(inner)
        elif (layout := widget.layout()) is not None:
            walk(layout)

    def walk(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            if (child := item.widget()) is not None:
                visit(child)
            elif (inner_layout := item.layout()) is not None:
                walk(inner_layout)

    visit(container)
    return stops


def set_tab_order(containers: Sequence[QWidget]) -> None:
    """Make Tab visit the stops of ``containers`` in screen order, the containers in turn."""
    chain = [stop for container in containers for stop in stops_in_screen_order(container)]
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)


def _device_key(sequence: QKeySequence) -> bool:
    """Whether the key is one only some keyboards have (a browser's Back, a Save key).

    Such keys still work but are not listed: "Alt+Left, Back" reads as if "Back" were typed.
    """
    first: QKeyCombination = sequence[0]  # type: ignore[index]  # the stubs lack __getitem__
    return first.key().value >= Qt.Key.Key_Back.value


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """``(what it does, keys)`` for every action with a shortcut, in the order given."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = []
    for action in actions:
        keys = [key.toString(native) for key in action.shortcuts()
                if not key.isEmpty() and not _device_key(key)]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("\u2026"), ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: made from the actions themselves, never typed twice."""

    def __init__(self, actions: Sequence[QAction], extra: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.rows = [*shortcut_rows(actions), *extra]
        # a real table: screen readers say "Back, Alt+Left" cell by cell, with the headers
        view = QTableWidget(len(self.rows), 2)
        view.setObjectName("shortcutsList")
        view.setAccessibleName("Keyboard shortcuts")
        view.setHorizontalHeaderLabels(["To do this", "Press"])
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(True)
        bold = QFont()
        bold.setBold(True)
        for row, (what, keys) in enumerate(self.rows):
            view.setItem(row, 0, QTableWidgetItem(what))
            key_item = QTableWidgetItem(keys)
            key_item.setFont(bold)
            view.setItem(row, 1, key_item)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.resizeRowsToContents()
        view.setCurrentCell(0, 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        view.resizeColumnsToContents()
        wide = sum(view.columnWidth(column) for column in (0, 1)) + 60  # frame, scroll bar
        self.resize(max(520, wide), 560)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
