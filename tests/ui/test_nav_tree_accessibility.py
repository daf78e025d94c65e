"""The navigation tree for screen readers, keyboard users, shaky hands and large text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QFontMetrics,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QStyle, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from guide.colours import BOUNDARY, contrast
from guide.model import Pack
from guide.ui import theme
from guide.ui.main_window import MainWindow
from guide.ui.nav_model import NavModel
from guide.ui.nav_tree import TARGET, NavTree
from guide.ui.text_size import NORMAL, apply_text_scale
from guide.ui.theme import FOCUS_RING

Told = list[tuple[QAccessible.Event, str]]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> Iterator[Told]:
    """Assistive technology listening: what the app tells it (event, name of the item)."""
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    events: Told = []
    update = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        item = event.accessibleInterface()
        events.append((event.type(), item.text(QAccessible.Text.Name) if item else ""))
        update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    yield events
    QAccessible.setActive(was_active)


@pytest.fixture
def text_scale() -> Iterator[Callable[[int], None]]:
    """Set the whole app's text size; back to normal afterwards."""
    yield apply_text_scale
    apply_text_scale(NORMAL)


class _Window(QWidget):
    """A tree with a text field above it, somewhere else for the keyboard to be."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        self.tree = NavTree(NavModel(pack.outline), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.tree)


@pytest.fixture
def tree_window(qtbot: QtBot) -> Iterator[Callable[..., _Window]]:
    """Factory: a shown, active window holding a tree of ``pack``, ``width`` px wide."""
    windows: list[_Window] = []

    def make(pack: Pack, width: int = 320) -> _Window:
        window = _Window(pack)
        windows.append(window)
        qtbot.add_widget(window)
        window.resize(width, 600)
        window.show()
        window.activateWindow()
        qtbot.wait_active(window)
        return window

    yield make
    windows.clear()


def _accessible(tree: NavTree) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(tree)
    assert interface is not None
    return interface


def _item(tree: NavTree, title: str) -> QAccessibleInterface:
    interface = _accessible(tree)
    for number in range(interface.childCount()):
        child = interface.child(number)
        if child is not None and child.text(QAccessible.Text.Name) == title:
            return child
    raise AssertionError(f"no accessible item named {title!r}")


def _focused_item_name(tree: NavTree) -> str:
    item = _accessible(tree).focusChild()
    return item.text(QAccessible.Text.Name) if item is not None else ""


def _visible_indexes(tree: NavTree) -> list[QModelIndex]:
    indexes, index = [], tree.model().index(0, 0)
    while index.isValid():
        indexes.append(index)
        index = tree.indexBelow(index)
    return indexes


# -- the current item is the article shown --------------------------------------------------


def test_after_a_link_and_back_the_tree_names_the_article_shown_when_focus_returns(
        qtbot: QtBot, launch: Callable[..., MainWindow], tiny_pack: Pack, told: Told) -> None:
    window = launch(tiny_pack, open_article="treatments/alpha")
    window.activateWindow()
    qtbot.wait_active(window)
    tree = window.nav_tree
    with qtbot.wait_signal(window.location_opened):  # a link in the article
        window.article_view.anchorClicked.emit(QUrl("article:treatments/beta"))
    assert tree.currentIndex().data() == "Beta treatment"
    window.commands.back.trigger()
    window.search_box.setFocus()
    told.clear()

    tree.setFocus(Qt.FocusReason.TabFocusReason)

    assert tree.currentIndex().data() == "Alpha treatment"
    assert tree.selectionModel().isSelected(tree.currentIndex())
    assert _focused_item_name(tree) == "Alpha treatment"
    state = _accessible(tree).focusChild().state()
    assert state.focused
    assert state.selected
    # a screen reader asks Qt for the selected item when the tree gets the focus, and Qt
    # answers wrongly (see the xfail below): the tree names its current item afterwards
    qtbot.wait_until(lambda: (QAccessible.Event.Focus, "Alpha treatment") in told)


def test_following_an_article_moves_the_views_current_item_not_only_the_selection(
        qtbot: QtBot, tiny_pack: Pack) -> None:
    class Recording(NavTree):
        def __init__(self, model: NavModel) -> None:
            self.currents: list[str] = []
            super().__init__(model)

        def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                           previous: QModelIndex | QPersistentModelIndex) -> None:
            self.currents.append(current.data())
            super().currentChanged(current, previous)

    tree = Recording(NavModel(tiny_pack.outline))
    qtbot.add_widget(tree)
    tree.currents.clear()
    with qtbot.assert_not_emitted(tree.article_requested):
        tree.select_article("living/pacing")
    # the view hears of the change (it tells assistive technology), not only its selection model
    assert tree.currents == ["Pacing"]
    assert tree.currentIndex().data() == "Pacing"
    assert [i.data() for i in tree.selectionModel().selectedIndexes()] == ["Pacing"]


def test_an_article_outside_the_tree_leaves_nothing_current(tree_window: Callable[..., _Window],
                                                             tiny_pack: Pack) -> None:
    tree = tree_window(tiny_pack).tree
    tree.select_article("treatments/beta")
    tree.select_article("nope")
    assert not tree.currentIndex().isValid()
    assert not tree.selectionModel().hasSelection()


@pytest.mark.xfail(strict=True, reason="Qt 6.11 bug: a tree's accessible selection counts the "
                   "row within its section as if the tree were flat; the tree works around it "
                   "by naming its current item when it gets the focus")
def test_qt_reports_the_selected_item_of_a_tree(
        tree_window: Callable[..., _Window], tiny_pack: Pack, told: Told) -> None:
    tree = tree_window(tiny_pack).tree
    tree.select_article("treatments/beta")
    selection = _accessible(tree).selectionInterface()
    assert selection is not None
    selected = selection.selectedItem(0)
    assert selected is not None
    assert selected.text(QAccessible.Text.Name) == "Beta treatment"  # Qt says "Treatments"


def test_after_a_section_closes_the_next_item_is_named_correctly(
        qtbot: QtBot, tree_window: Callable[..., _Window], tiny_pack: Pack, told: Told) -> None:
    tree = tree_window(tiny_pack).tree
    tree.select_article("welcome")
    tree.setFocus()
    qtbot.wait_until(tree.hasFocus)  # the keyboard is in the list, as a reader's is
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert _focused_item_name(tree) == "Treatments"
    assert _item(tree, "Beta treatment")  # Qt now keeps accessible items for every row shown
    told.clear()

    QTest.keyClick(tree, Qt.Key.Key_Left)  # closes "Treatments"
    assert (QAccessible.Event.StateChanged, "Treatments") in told  # "collapsed" is said
    # and the row gets the focus again: Orca 43 lost it in the reset and said nothing
    qtbot.wait_until(lambda: told[-1] == (QAccessible.Event.Focus, "Treatments"))
    QTest.keyClick(tree, Qt.Key.Key_Down)

    assert tree.currentIndex().data() == "Living well"
    assert _focused_item_name(tree) == "Living well"  # not the hidden "Alpha treatment"


# -- level, place and open or closed ---------------------------------------------------------


def test_items_say_their_level_and_place(tree_window: Callable[..., _Window], tiny_pack: Pack,
                                         told: Told) -> None:
    tree = tree_window(tiny_pack).tree
    description = QAccessible.Text.Description
    assert _item(tree, "Treatments").text(description) == "Section, level 1, 2 of 3"
    assert _item(tree, "Beta treatment").text(description) == "Article, level 2, 2 of 2"
    assert _item(tree, "Welcome").text(description) == "Article, level 1, 1 of 3"
    # Qt 6.11 gives tree items no attributes (no "level" over AT-SPI): the description says it
    assert _item(tree, "Beta treatment").attributesInterface() is None


def test_articles_are_never_expanded_and_sections_say_open_or_closed(
        tree_window: Callable[..., _Window], tiny_pack: Pack, told: Told) -> None:
    tree = tree_window(tiny_pack).tree
    for title in ("Welcome", "Alpha treatment", "Pacing"):
        state = _item(tree, title).state()
        assert not state.expandable, title
        assert not state.expanded, title
    section = _item(tree, "Living well").state()
    assert section.expandable
    assert section.expanded
    tree.collapse(tree.nav_model().index(2, 0))
    closed = _item(tree, "Living well").state()
    assert closed.expandable
    assert not closed.expanded  # AT-SPI says "collapsed"


def test_left_on_an_article_goes_to_its_section(tree_window: Callable[..., _Window],
                                                tiny_pack: Pack) -> None:
    tree = tree_window(tiny_pack).tree
    tree.select_article("treatments/beta")
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Left)
    assert tree.currentIndex().data() == "Treatments"


# -- focus you can see -------------------------------------------------------------------------


@pytest.mark.parametrize("look", ["light", "dark", "high-contrast"])
def test_the_focused_row_has_a_ring_that_stands_out(
        qtbot: QtBot, tree_window: Callable[..., _Window], tiny_pack: Pack, look: str) -> None:
    theme.use(look)
    window = tree_window(tiny_pack)
    tree, field = window.tree, window.field
    tree.select_article("treatments/beta")
    tree.setFocus()
    qtbot.wait_until(tree.hasFocus)
    palette = tree.palette()
    fill = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    ring = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    panel = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.AlternateBase)
    row = tree.visualRect(tree.currentIndex())
    middle = row.center().y()

    focused = tree.viewport().grab().toImage()
    # a selected row: a band of selection colour, then the ring, then the row again
    assert focused.pixelColor(0, middle) == fill
    for x in range(FOCUS_RING, 2 * FOCUS_RING):
        assert focused.pixelColor(x, middle) == ring
    assert focused.pixelColor(2 * FOCUS_RING, middle) == fill
    assert focused.pixelColor(40, row.top() + FOCUS_RING) == ring  # along the top edge too
    assert contrast(ring.name(), fill.name()) >= BOUNDARY  # WCAG 1.4.11 and 2.4.13
    assert contrast(fill.name(), panel.name()) >= BOUNDARY

    field.setFocus()
    qtbot.wait_until(field.hasFocus)
    unfocused = tree.viewport().grab().toImage()
    assert unfocused.pixelColor(FOCUS_RING, middle) != ring  # no ring without the keyboard
    # the article being read stays marked by a bar of 3:1 or more beside its quiet fill
    assert unfocused.pixelColor(row.left() + 1, middle) == fill
    quiet = unfocused.pixelColor(row.left() + 20, middle)
    assert quiet != fill

    tree.setFocus()
    qtbot.wait_until(tree.hasFocus)
    tree.clearSelection()  # current, but not selected: the ring is the selection colour
    tree.selectionModel().setCurrentIndex(tree.currentIndex(),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
    plain = tree.viewport().grab().toImage()
    assert plain.pixelColor(0, middle) == fill
    assert plain.pixelColor(2 * FOCUS_RING + 1, middle) == panel


# -- targets of at least 24 x 24 px ------------------------------------------------------------


@pytest.mark.parametrize("percent", [80, 100, 200])
def test_rows_and_open_close_arrows_are_big_enough_to_hit(
        tree_window: Callable[..., _Window], tiny_pack: Pack,
        text_scale: Callable[[int], None], percent: int) -> None:
    text_scale(percent)
    tree = tree_window(tiny_pack).tree
    heights = {index.data(): tree.visualRect(index).height() for index in _visible_indexes(tree)}
    assert len(heights) == 6
    assert min(heights.values()) >= TARGET, heights
    assert tree.indentation() >= TARGET  # the arrow's click area is as wide as one indentation

    treatments = tree.nav_model().index(1, 0)
    row = tree.visualRect(treatments)
    for x in (0, tree.indentation() - 1):  # both edges of the arrow's column
        for y in (row.top(), row.bottom()):
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, QPoint(x, y))
            assert not tree.isExpanded(treatments), (x, y)
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, QPoint(x, y))
            assert tree.isExpanded(treatments), (x, y)


def _arrow_width(tree: NavTree, section: QModelIndex) -> int:
    """Width of a section's open/close arrow: what is drawn left of the title."""
    row = tree.visualRect(section)
    image = tree.viewport().grab(QRect(0, row.top(), row.left(), row.height())).toImage()
    panel = tree.palette().color(QPalette.ColorRole.AlternateBase)
    columns = [x for x in range(image.width())
               if any(image.pixelColor(x, y) != panel for y in range(image.height()))]
    return columns[-1] - columns[0] + 1 if columns else 0


def test_open_close_arrows_grow_with_the_text(tree_window: Callable[..., _Window],
                                              tiny_pack: Pack,
                                              text_scale: Callable[[int], None]) -> None:
    widths = []
    for percent in (100, 200):
        text_scale(percent)
        tree = tree_window(tiny_pack).tree
        widths.append(_arrow_width(tree, tree.nav_model().index(1, 0)))
    assert widths[0] >= 6  # about Fusion's size at 100%
    assert widths[1] >= 12
    assert widths[1] > widths[0]


# -- large text: whole titles ------------------------------------------------------------------


def _title_fits(tree: NavTree, index: QModelIndex) -> bool:
    """Whether the row shows its whole title, wrapped at spaces the way Qt's item views wrap."""
    row = tree.visualRect(index)
    width = row.width() - 2 * (
        tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    font = tree.font()
    font.setBold(index.data(Qt.ItemDataRole.FontRole) is not None)
    layout = QTextLayout(index.data(), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    height, widest = 0.0, 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return height <= row.height() and widest <= width  # a word wider than the row is cut


def test_at_double_text_size_titles_wrap_instead_of_being_cut_off(
        tree_window: Callable[..., _Window], bundled_pack: Pack,
        text_scale: Callable[[int], None]) -> None:
    text_scale(200)
    tree = tree_window(bundled_pack, 420).tree
    indexes = _visible_indexes(tree)
    one_line = QFontMetrics(tree.font()).height()
    assert any(tree.visualRect(i).height() > 2 * one_line for i in indexes)  # some wrap
    cut = [i.data() for i in indexes if not _title_fits(tree, i)]
    assert cut == []
    for index in indexes:  # the whole title is also what a screen reader says
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == index.data()


def test_a_narrower_tree_wraps_its_titles_again(
        qtbot: QtBot, tree_window: Callable[..., _Window], bundled_pack: Pack,
        text_scale: Callable[[int], None]) -> None:
    text_scale(200)
    tree = tree_window(bundled_pack, 700).tree
    long_title = max(_visible_indexes(tree), key=lambda i: len(i.data()))
    wide = tree.visualRect(long_title).height()
    tree.window().resize(380, 600)
    qtbot.wait_until(lambda: tree.visualRect(long_title).height() > wide)
    assert _title_fits(tree, long_title)


def test_whole_titles_reach_screen_readers(
        tree_window: Callable[..., _Window], bundled_pack: Pack,
        text_scale: Callable[[int], None], told: Told) -> None:
    text_scale(200)
    tree = tree_window(bundled_pack, 300).tree
    longest = max(_visible_indexes(tree), key=lambda i: len(i.data())).data()
    assert len(longest) > 40
    assert _item(tree, longest).text(QAccessible.Text.Name) == longest
