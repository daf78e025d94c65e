"""The main window: navigation tree, article view and quick-facts sidebar, put together.

The window builds the widgets and wires them to small collaborators, each with one job:
:class:`~guide.ui.commands.Commands` (actions and shortcuts), :mod:`guide.ui.menus` (what
the mode offers, menus and toolbar), :class:`~guide.ui.navigator.Navigator` (history),
:class:`~guide.ui.search_controller.SearchController`, :class:`~guide.ui.text_size.TextSize`
and :mod:`guide.ui.window_layout`. What differs between modes comes from the
:class:`~guide.modes.ModePolicy` it is given.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide import __version__
from guide.history import History
from guide.links import CONTACT_PAGE, FACTS_PAGE
from guide.model import Pack
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import Profile
from guide.ui import theme, window_layout
from guide.ui.article_bar import ArticleBar
from guide.ui.article_view import ArticleView
from guide.ui.commands import Commands
from guide.ui.companion import Companion
from guide.ui.facts_panel import FactsPanel
from guide.ui.find_bar import FindBar
from guide.ui.keyboard import PaneCycler, set_tab_order
from guide.ui.menus import build_menu_bar, build_toolbar, offered
from guide.ui.nav_model import NavModel
from guide.ui.nav_tree import NavTree
from guide.ui.navigator import Navigator
from guide.ui.notice_bar import NoticeBar
from guide.ui.pane_layout import PaneFolder
from guide.ui.search_box import SearchBox
from guide.ui.search_controller import SearchController
from guide.ui.search_keypad import SearchKeypad
from guide.ui.text_size import NORMAL, TextSize
from guide.ui.touch import TouchAdapter

if TYPE_CHECKING:
    from guide.ui.search_panel import SearchPanel

DEFAULT_SPLITTER_SIZES = (330, 660, 300)


class MainWindow(QMainWindow):
    """Shows one location at a time (an article id or a generated page) with history.

    Signals:
        location_opened(str): a location finished opening (after the page was set).
    """

    location_opened = Signal(str)

    def __init__(self, pack: Pack, profile: Profile, pages: PageSource,
                 policy: ModePolicy | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")  # its accessible name is its title: article and guide
        self.pack = pack
        self.profile = profile
        self.pages = pages
        self.policy = policy or ModePolicy.laptop()
        self._may_close = self.policy.can_quit
        if self.policy.full_screen:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, on=True)

        self.nav_tree = NavTree(NavModel(pack.outline, self))
        self.article_view = ArticleView(pack.root)
        self.article_view.link_policy = self.policy.links
        self.facts_panel = FactsPanel(pack)
        self.notice_bar = NoticeBar()
        self.search_box = SearchBox()
        self.find_bar = FindBar(self.article_view)
        self.left_panel = QStackedWidget()
        self.left_panel.setObjectName("leftPanel")
        self.left_panel.addWidget(self.nav_tree)
        keypad = SearchKeypad(self.search_box) if self.policy.on_screen_keypad else None
        self.article_bar = ArticleBar(self.article_view)
        self._build_layout(keypad)
        if self.policy.touch_target:
            self._touch = TouchAdapter(self.policy.touch_target, self)

        self.commands = Commands(self)
        self.navigator = Navigator(pack, profile, self)
        self.search = SearchController(pack, self.search_box, self.left_panel, self.nav_tree,
                                       keypad=keypad, parent=self)
        self.text_size = TextSize(profile, self.policy.text_scale or profile.text_scale(), self)
        self.commands.about.setText(f"&About {pack.edition.app_name}")
        available = offered(self.commands, self.policy, pack.edition)
        self.addActions(available)  # shortcuts work even for commands in no menu
        if self.policy.menu_bar:
            build_menu_bar(self.menuBar(), self.commands, available)
        self.toolbar = build_toolbar(self, self.commands, available, self.policy,
                                     self.search_box)
        self.companion = Companion(self, self.article_bar)
        self.panes = PaneFolder(self.splitter, self.article_view, self.left_panel,
                                self.facts_panel, show_contents=self.commands.show_contents,
                                show_facts=self.commands.show_facts)
        self.keyboard = PaneCycler(self._panes_in_screen_order, self)
        self._connect_signals()
        self.commands.back.setEnabled(False)
        self.commands.forward.setEnabled(False)
        self._update_text_size_actions()
        if self.text_size.percent != NORMAL:
            self._fit_panes_to_text(self.text_size.percent, sum(DEFAULT_SPLITTER_SIZES))
        self.show_notice(profile.take_notice())
        self.nav_tree.setFocus()  # the keyboard starts in the list, on the article shown

    # -- construction ---------------------------------------------------------------------

    def _build_layout(self, keypad: QWidget | None) -> None:
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.article_bar)
        middle_layout.addWidget(self.article_view, 1)
        middle_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(10)  # a target a hand can hit (WCAG 2.5.8: 24 px tall)
        for widget in (self.left_panel, middle, self.facts_panel):
            self.splitter.addWidget(widget)
            widget.raise_()  # screen readers list a widget's children in this (stacking) order
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(DEFAULT_SPLITTER_SIZES))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.splitter, 1)
        if keypad is not None:
            layout.addWidget(keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setCentralWidget(central)
        self.resize(1290, 820)

    def _connect_signals(self) -> None:
        pack, c = self.pack, self.commands
        self.navigator.location_changed.connect(self._show)
        self.navigator.history_changed.connect(self._on_history_changed)
        self.navigator.notice_raised.connect(self.show_notice)
        self.nav_tree.article_requested.connect(self.open_location)
        self.article_view.location_requested.connect(self.open_location)
        self.article_view.external_link_requested.connect(self._on_external_link_requested)
        self.article_view.address_requested.connect(self.show_address)
        self.article_view.term_requested.connect(self.show_term)
        self.article_view.term_highlighted.connect(
            lambda anchor: self.facts_panel.show_term(pack.glossary.by_anchor(anchor)))
        self.facts_panel.article_requested.connect(self.open_location)
        self.left_panel.currentChanged.connect(lambda _index: self._order_tabs())
        self.facts_panel.anchor_requested.connect(self.article_view.go_to_anchor)
        self.facts_panel.facts_page_requested.connect(lambda: self.open_location(FACTS_PAGE))
        self.search.result_chosen.connect(self._on_search_result_chosen)
        self.search.panel_created.connect(self._on_search_panel_created)
        self.text_size.changed.connect(self._on_text_size_changed)
        c.back.triggered.connect(self.go_back)
        c.forward.triggered.connect(self.go_forward)
        c.home.triggered.connect(self.go_home)
        c.facts.triggered.connect(lambda: self.open_location(FACTS_PAGE))
        c.contact.triggered.connect(lambda: self.open_location(CONTACT_PAGE))
        c.help_now.triggered.connect(lambda: self.open_location(pack.edition.help_now))
        c.print.triggered.connect(self.print_article)
        c.quit.triggered.connect(self.close)
        c.larger_text.triggered.connect(lambda: self.text_size.step(+1))
        c.smaller_text.triggered.connect(lambda: self.text_size.step(-1))
        c.normal_text.triggered.connect(lambda: self.text_size.set(NORMAL))
        c.search.triggered.connect(self.search.focus)
        c.find.triggered.connect(self.find_bar.open_bar)
        c.find_next.triggered.connect(lambda: self._find(+1))
        c.find_previous.triggered.connect(lambda: self._find(-1))
        c.disclaimer.triggered.connect(self.show_disclaimer)
        c.about.triggered.connect(self.show_about)
        c.take_home.triggered.connect(self._take_home)
        c.caret_browsing.setChecked(self.article_view.caret_browsing())
        c.caret_browsing.toggled.connect(
            lambda on: self.article_view.set_caret_browsing(enabled=on))
        c.next_pane.triggered.connect(lambda: self.keyboard.step(+1))
        c.previous_pane.triggered.connect(lambda: self.keyboard.step(-1))
        c.next_heading.triggered.connect(lambda: self.article_view.step_heading(+1))
        c.previous_heading.triggered.connect(lambda: self.article_view.step_heading(-1))
        c.shortcuts.triggered.connect(self.show_shortcuts)
        c.theme_actions[theme.current_theme()].setChecked(True)
        c.themes.triggered.connect(lambda action: self.set_theme(action.data()))

    def set_theme(self, name: str) -> None:
        """Paint the app in another look (View > Colours) and remember it."""
        theme.use(name)
        self.commands.theme_actions[theme.current_theme()].setChecked(True)
        self.profile.set_theme(theme.current_theme())

    def _panes_in_screen_order(self) -> list[QWidget]:
        return [self.left_panel.currentWidget() or self.nav_tree, self.article_view,
                self.facts_panel, self.search_box]

    # -- navigation -----------------------------------------------------------------------

    @property
    def history(self) -> History:
        """Back/forward history."""
        return self.navigator.history

    def current_location(self) -> str:
        """The location shown now (article id or generated page), without fragment."""
        return self.navigator.current()

    def open_location(self, location: str, fragment: str = "") -> None:
        """Open an article id (or ``guide:facts``), optionally at a heading; record history."""
        self.navigator.open(location, fragment)

    def go_back(self) -> None:
        """Open the previous location."""
        self.navigator.back()

    def go_forward(self) -> None:
        """Open the next location."""
        self.navigator.forward()

    def go_home(self) -> None:
        """Open the pack's home article."""
        self.navigator.home()

    def _show(self, location: str, fragment: str) -> None:
        self.companion.leave_page()  # keeps the reader's place in the page shown until now
        article = self.pack.article(location)
        generated = {FACTS_PAGE: "Quick facts", CONTACT_PAGE: "Contact and about"}
        title = article.title if article else generated.get(location, "Page not found")
        self.article_view.set_page_title(title)  # first: the new page's caret says its title
        self.article_view.show_page(self.pages.html(location) + self.companion.page_end(location),
                                    fragment)
        self.nav_tree.select_article(location)
        self.facts_panel.show_article(article)
        self.setWindowTitle(f"{title} \u2013 {self.pack.edition.app_name}")
        self.commands.take_home.setEnabled(article is not None)
        if not self.find_bar.isHidden():
            self.find_bar.refresh()
        self._order_tabs()  # the quick facts' buttons are new
        self.location_opened.emit(location)

    def _order_tabs(self) -> None:
        """Tab follows the screen: search box, list, article tools, article, find bar, facts."""
        set_tab_order([self.search_box, self.left_panel.currentWidget() or self.nav_tree,
                       self.article_bar, self.article_view, self.find_bar, self.facts_panel])

    def _on_history_changed(self, can_go_back: bool, can_go_forward: bool) -> None:
        self.commands.back.setEnabled(can_go_back)
        self.commands.forward.setEnabled(can_go_forward)

    def _on_external_link_requested(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    # -- search and find ----------------------------------------------------------------------

    @property
    def search_panel(self) -> SearchPanel:
        """The search results panel (created the first time it is needed)."""
        return self.search.panel

    def start_search_index(self, cache_file: Path | None) -> None:
        """Open or build the search index in the background; typing works meanwhile."""
        self.search.start_index(cache_file)

    def wait_for_search_index(self, timeout_ms: int = 60_000) -> bool:
        """Block until the index is ready (for tests and benchmarks); True if it is."""
        return self.search.wait_for_index(timeout_ms)

    def _on_search_panel_created(self, panel: QWidget) -> None:
        panel.setFont(self.nav_tree.font())

    def _on_search_result_chosen(self, article_id: str, terms: list[str]) -> None:
        self.search.hide_keypad()
        self.open_location(article_id)
        self.article_view.highlight_terms(terms)

    def _find(self, step: int) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        elif step > 0:
            self.find_bar.find_next()
        else:
            self.find_bar.find_previous()

    # -- text size ----------------------------------------------------------------------------

    def _on_text_size_changed(self, percent: int) -> None:
        self._fit_panes_to_text(percent, sum(self.splitter.sizes()))
        self._update_text_size_actions()

    def _fit_panes_to_text(self, percent: int, total: int) -> None:
        """The side panes grow with their text, within reason; the article gets the rest."""
        left = min(DEFAULT_SPLITTER_SIZES[0] * percent // 100, total * 2 // 5)
        right = min(DEFAULT_SPLITTER_SIZES[2] * percent // 100, total // 4)
        self.splitter.setSizes([left, max(total - left - right, 0), right])

    def _update_text_size_actions(self) -> None:
        self.commands.larger_text.setEnabled(self.text_size.can_grow())
        self.commands.smaller_text.setEnabled(self.text_size.can_shrink())

    # -- dialogs and notices ----------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """Show a one-off message at the top of the window."""
        self.notice_bar.show_notice(text)

    def show_disclaimer(self) -> None:
        """Show the disclaimer again, read-only."""
        from guide.ui.disclaimer_dialog import DisclaimerDialog  # noqa: PLC0415 - rarely used

        DisclaimerDialog.show_read_only(self.pages.disclaimer_html(), self.pack.title, self)

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts: every command's keys, from the commands themselves."""
        from guide.ui.keyboard import ShortcutsDialog  # noqa: PLC0415 - rarely used

        extra = [("Move from link to link in the article", "Tab, Shift+Tab"),
                 ("Follow the link, or explain the glossary word", "Enter"),
                 ("Choose a search result", "Up, Down, then Enter")]
        self.open_dialog(ShortcutsDialog(self.actions(), extra, self))

    def show_address(self, url: str) -> None:
        """Show a web address large, with a QR code to scan, instead of opening it."""
        from guide.ui.address_dialog import AddressDialog  # noqa: PLC0415 - rarely used

        self.open_dialog(AddressDialog(url, self))

    def show_term(self, anchor: str) -> None:
        """Explain a glossary term in a small window (a tap cannot hover)."""
        term = self.pack.glossary.by_anchor(anchor)
        if term is None:
            self.open_location(self.pack.home)
            return
        from guide.ui.term_popup import TermPopup  # noqa: PLC0415 - rarely used

        self.open_dialog(TermPopup(term, self))

    @staticmethod
    def open_dialog(dialog: QDialog) -> None:
        """Show a window-modal dialog without a nested event loop; it deletes itself."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _take_home(self) -> None:
        address = self.policy.take_home_address(self.current_location())
        if address and self.pack.article(self.current_location()) is not None:
            self.show_address(address)

    def print_article(self) -> None:
        """Print the article shown now as a handout (the printer dialog chooses where)."""
        self.companion.print_article()

    def about_text(self) -> str:
        """The About box's rich text: app version and who publishes the content."""
        pack, edition = self.pack, self.pack.edition
        contact = edition.contact
        links = "<br>".join(f'{label}: <a href="{escape(href)}">{escape(text)}</a>'
                            for label, href, text in contact.links())
        lines = [
            f"<h3>{escape(edition.name_and_version())}</h3>",
            f"<p><b>{escape(pack.title)}</b><br>Published by {escape(pack.publisher)}</p>"
            if pack.publisher else f"<p><b>{escape(pack.title)}</b></p>",
            f"<p>{links}</p>" if links else "",
            f"<p>{escape(contact.note)}</p>" if contact.note else "",
            (f"<p>{len(pack.articles)} articles. Everything works offline: the app never "
             "connects to the internet and collects nothing about you.</p>"),
            f"<p><small>Made with Health Guide {escape(__version__)}.</small></p>",
        ]
        return "".join(lines)

    def show_about(self) -> None:
        """Show the About box."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - rarely used

        QMessageBox.about(self, f"About {self.pack.edition.app_name}", self.about_text())

    # -- state --------------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Restore the window size and splitter positions saved last time."""
        window_layout.restore_layout(self, self.splitter, self.profile)

    def allow_close(self) -> None:
        """Let the window close even where the mode forbids it (the operator is leaving)."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the reader's place and layout; a locked-down window refuses to close."""
        if not self._may_close:
            event.ignore()
            return
        self.companion.leave_page()
        self.navigator.save_location()
        window_layout.save_layout(self, self.splitter, self.profile)
        self.search.stop()  # never wait for a large pack's index to finish
        super().closeEvent(event)
