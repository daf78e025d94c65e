"""Which commands the window offers, and the menus and toolbar that show them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenuBar, QSizePolicy, QToolBar, QToolButton, QWidget

from guide.edition import Edition
from guide.modes import ModePolicy
from guide.ui.commands import Commands

TOUCH_ICON = 32


def offered(commands: Commands, policy: ModePolicy, edition: Edition) -> list[QAction]:
    """The commands this mode and edition offer (the others exist but are never reachable)."""
    hidden = set()
    if not edition.help_now:
        hidden.add(commands.help_now)
    if not policy.can_quit:
        hidden.add(commands.quit)
    if not policy.can_print:
        hidden.add(commands.print)
    if not policy.can_show_files:
        hidden.add(commands.save_pdf)
    if not (policy.can_print or policy.can_show_files):
        hidden.add(commands.large_print)
    if not policy.reader_lists:
        hidden.update({commands.save_article, commands.saved_list, commands.recent_list,
                       commands.my_questions, commands.add_question})
    if not policy.remembers_reader:  # nothing is kept: nothing to clear
        hidden.add(commands.clear_data)
    if not policy.starts_over:
        hidden.add(commands.start_over)
    if not policy.take_home_url:
        hidden.add(commands.take_home)
    if not policy.menu_bar:  # they live in the Help menu
        hidden.update({commands.about, commands.disclaimer})
    if policy.theme is not None:  # the mode chose the colours
        hidden.update(commands.theme_actions.values())
    return [action for action in commands.all() if action not in hidden]


def build_menu_bar(menu_bar: QMenuBar, commands: Commands, available: list[QAction]) -> None:
    """File, Edit, View, Go and Help menus, with the commands this mode offers.

    ``None`` in a menu's list is a separator, shown only between commands on offer.
    """
    c = commands
    themes = ("&Colours", list(c.theme_actions.values()))
    menus: dict[str, list[QAction | tuple[str, list[QAction]] | None]] = {
        "&File": [c.print, c.save_pdf, c.large_print, None, c.quit],
        "&Edit": [c.search, c.find, c.find_next, c.find_previous],
        "&View": [c.larger_text, c.smaller_text, c.normal_text, None, c.show_contents,
                  c.show_facts, None, themes, c.caret_browsing],
        "&Go": [c.back, c.forward, c.home, c.facts, None, c.next_heading, c.previous_heading,
                c.next_pane, c.previous_pane, None, c.save_article, c.saved_list,
                c.recent_list, None, c.my_questions, c.add_question],
        "&Help": [c.help_now, c.contact, c.disclaimer, None, c.shortcuts, None, c.clear_data,
                  None, c.about],
    }
    for title, entries in menus.items():
        groups: list[list[QAction | tuple[str, list[QAction]]]] = [[]]
        for entry in entries:
            if entry is None:
                groups.append([])
            elif isinstance(entry, tuple):  # a submenu, if any of its commands is on offer
                actions = [action for action in entry[1] if action in available]
                if actions:
                    groups[-1].append((entry[0], actions))
            elif entry in available:
                groups[-1].append(entry)
        groups = [group for group in groups if group]
        if groups:
            menu = menu_bar.addMenu(title)
            for number, group in enumerate(groups):
                if number:
                    menu.addSeparator()
                for item in group:
                    if isinstance(item, tuple):
                        menu.addMenu(item[0]).addActions(item[1])
                    else:
                        menu.addAction(item)


def build_toolbar(window: QMainWindow, commands: Commands, available: list[QAction],
                  policy: ModePolicy, end: QWidget) -> QToolBar:
    """The toolbar: navigation (and, without a menu bar, every reader's command), then ``end``.

    With a touch target size the buttons are large, with their text under the icon.
    """
    c = commands
    if policy.menu_bar:
        actions = [c.back, c.forward, c.home, c.facts, c.saved_list, c.recent_list,
                   c.my_questions, c.help_now]
    else:
        actions = [c.home, c.back, c.forward, c.search, c.smaller_text, c.larger_text,
                   c.take_home, c.print, c.help_now, c.start_over]
    toolbar = QToolBar("Navigation")
    toolbar.setObjectName("navigationToolbar")
    toolbar.setAccessibleName("Navigation")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
    if policy.touch_target:
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        toolbar.setIconSize(QSize(TOUCH_ICON, TOUCH_ICON))
    else:
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in actions:
        if action not in available:
            continue
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        button.setObjectName(action.objectName().replace("Action", "Button"))
        button.setAccessibleName(action.text().replace("&", "").rstrip("\u2026"))
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(end)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    _ToolbarFitter(toolbar)
    for button in toolbar.findChildren(QToolButton, "qt_toolbar_ext_button"):  # Qt's "»"
        button.setAccessibleName("More toolbar buttons")
        button.setToolTip("More toolbar buttons")
        button.setMinimumSize(24, 24)  # WCAG 2.5.8 (Qt makes it 12 px wide)
    return toolbar


class _ToolbarFitter(QObject):
    """Drops the buttons' words, keeping icons, tooltips and names, when they do not fit.

    Otherwise the toolbar hides its last items (the search box!) behind an overflow arrow
    that the keyboard cannot reach: narrow windows and large text must not lose them.
    """

    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        self._with_words = toolbar.toolButtonStyle()
        self._icon = toolbar.iconSize().width()
        self._fitting = False
        toolbar.installEventFilter(self)

    def fit(self) -> None:
        """Words beside or under the icons if they fit, else icons alone."""
        if self._fitting:
            return
        self._fitting = True
        try:
            toolbar = self._toolbar
            side = max(self._icon, round(toolbar.fontMetrics().height() * 1.2))
            toolbar.setIconSize(QSize(side, side))  # icons grow with the text
            toolbar.setToolButtonStyle(self._with_words)
            if toolbar.sizeHint().width() > toolbar.width():
                toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002
        """Fit again when the toolbar is resized or its text size changes."""
        if event.type() in {QEvent.Type.Resize, QEvent.Type.FontChange}:
            self.fit()
        return False
