"""The main window: navigation tree, article view and quick-facts sidebar."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from guide import __version__
from guide.history import History
from guide.links import FACTS_PAGE, split_fragment
from guide.model import Pack
from guide.pages import PageSource
from guide.profile import Profile
from guide.ui.article_view import ArticleView
from guide.ui.facts_panel import FactsPanel
from guide.ui.find_bar import FindBar
from guide.ui.index_loader import IndexLoader
from guide.ui.nav_model import NavModel
from guide.ui.nav_tree import NavTree
from guide.ui.notice_bar import NoticeBar
from guide.ui.search_box import SearchBox

if TYPE_CHECKING:
    from guide.search import SearchIndex
    from guide.ui.search_panel import SearchPanel

DEFAULT_SPLITTER_SIZES = (330, 660, 300)
SAVE_LOCATION_DELAY_MS = 1500
"""The article being read is saved this long after the last change of article."""
TEXT_SCALES = (80, 90, 100, 115, 130, 150, 175, 200, 250)
"""Reading text sizes offered by View > Larger/Smaller text, in percent."""


class MainWindow(QMainWindow):
    """Shows one location at a time (an article id or a generated page) with history.

    Signals:
        location_opened(str): a location finished opening (after the page was set).
    """

    location_opened = Signal(str)

    def __init__(self, pack: Pack, profile: Profile, pages: PageSource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName(pack.title)
        self.pack = pack
        self.profile = profile
        self.pages = pages
        self.history = History()

        self.nav_tree = NavTree(NavModel(pack.outline, self))
        self.article_view = ArticleView(pack.root, pack.accent)
        self.facts_panel = FactsPanel(pack)
        self.notice_bar = NoticeBar()
        self.search_box = SearchBox()
        self._search_panel: SearchPanel | None = None  # made on first use, after start-up
        self.find_bar = FindBar(self.article_view)
        self.left_panel = QStackedWidget()
        self.left_panel.setObjectName("leftPanel")
        self.left_panel.addWidget(self.nav_tree)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.article_view, 1)
        middle_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.left_panel, middle, self.facts_panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(DEFAULT_SPLITTER_SIZES))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.resize(1290, 820)

        self._index_loader: IndexLoader | None = None
        self._save_location_timer = QTimer(self)
        self._save_location_timer.setSingleShot(True)
        self._save_location_timer.setInterval(SAVE_LOCATION_DELAY_MS)
        self._save_location_timer.timeout.connect(self._save_location)
        self._create_actions()
        self._create_menus_and_toolbar()
        self._connect_signals()
        self._text_scale = 100
        if profile.text_scale() != self._text_scale:  # fonts are already right at 100%
            self.set_text_scale(profile.text_scale())
        self.show_notice(profile.take_notice())

    # -- construction ---------------------------------------------------------------------

    def _connect_signals(self) -> None:
        pack = self.pack
        self.nav_tree.article_requested.connect(self.open_location)
        self.article_view.location_requested.connect(self.open_location)
        self.article_view.external_link_requested.connect(self._on_external_link_requested)
        self.article_view.term_highlighted.connect(
            lambda anchor: self.facts_panel.show_term(pack.glossary.by_anchor(anchor)))
        self.facts_panel.article_requested.connect(self.open_location)
        self.facts_panel.anchor_requested.connect(self.article_view.scrollToAnchor)
        self.facts_panel.facts_page_requested.connect(lambda: self.open_location(FACTS_PAGE))
        self.search_box.textChanged.connect(self._on_search_text_changed)
        self.search_box.move_requested.connect(self._on_search_move_requested)
        self.search_box.open_requested.connect(self._on_search_open_requested)
        self.search_box.cancel_requested.connect(self.leave_search)

    def _action(self, text: str, name: str, shortcuts: list[QKeySequence],
                icon: tuple[str, QStyle.StandardPixmap] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(shortcuts)
        if icon is not None:  # the desktop's icon theme when there is one, else Qt's own
            theme_name, fallback = icon
            action.setIcon(QIcon.fromTheme(theme_name, self.style().standardIcon(fallback)))
        native = QKeySequence.SequenceFormat.NativeText
        shortcut = shortcuts[0].toString(native) if shortcuts else ""
        action.setToolTip(f"{tip or text.replace('&', '')} ({shortcut})" if shortcut else tip)
        return action

    def _create_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.back_action = self._action("&Back", "backAction", QKeySequence.keyBindings(
            QKeySequence.StandardKey.Back), ("go-previous", pixmap.SP_ArrowBack), "Go back")
        self.forward_action = self._action("&Forward", "forwardAction", QKeySequence.keyBindings(
            QKeySequence.StandardKey.Forward), ("go-next", pixmap.SP_ArrowForward), "Go forward")
        self.home_action = self._action("&Home", "homeAction", [QKeySequence("Alt+Home")],
                                        ("go-home", pixmap.SP_DirHomeIcon), "Go to the home page")
        self.facts_action = self._action("&Quick facts", "factsAction", [],
                                         ("help-about", pixmap.SP_FileDialogInfoView),
                                         "Show every quick fact")
        self.quit_action = self._action("&Quit", "quitAction",
                                        QKeySequence.keyBindings(QKeySequence.StandardKey.Quit))
        keys = QKeySequence.keyBindings
        self.larger_text_action = self._action("&Larger text", "largerTextAction",
                                               keys(QKeySequence.StandardKey.ZoomIn))
        self.smaller_text_action = self._action("&Smaller text", "smallerTextAction",
                                                keys(QKeySequence.StandardKey.ZoomOut))
        self.normal_text_action = self._action("&Normal text size", "normalTextAction",
                                               [QKeySequence("Ctrl+0")])
        self.larger_text_action.triggered.connect(lambda: self._step_text_scale(+1))
        self.smaller_text_action.triggered.connect(lambda: self._step_text_scale(-1))
        self.normal_text_action.triggered.connect(lambda: self.set_text_scale(100))
        self.search_action = self._action(
            "&Search the guide", "searchAction",
            [*keys(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")])
        self.find_action = self._action("&Find in this article\u2026", "findInArticleAction",
                                        [QKeySequence("Ctrl+Shift+F")])
        self.find_next_action = self._action("Find &next", "findNextAction",
                                             keys(QKeySequence.StandardKey.FindNext))
        self.find_previous_action = self._action("Find &previous", "findPreviousAction",
                                                 keys(QKeySequence.StandardKey.FindPrevious))
        self.search_action.triggered.connect(self.focus_search)
        self.find_action.triggered.connect(self.find_bar.open_bar)
        self.find_next_action.triggered.connect(self._find_next)
        self.find_previous_action.triggered.connect(self._find_previous)
        self.disclaimer_action = self._action("Medical &disclaimer", "disclaimerAction", [])
        self.about_action = self._action("&About Health Guide", "aboutAction", [])
        self.back_action.triggered.connect(self.go_back)
        self.forward_action.triggered.connect(self.go_forward)
        self.home_action.triggered.connect(self.go_home)
        self.facts_action.triggered.connect(lambda: self.open_location(FACTS_PAGE))
        self.quit_action.triggered.connect(self.close)
        self.disclaimer_action.triggered.connect(self.show_disclaimer)
        self.about_action.triggered.connect(self.show_about)
        self._update_history_actions()

    def _create_menus_and_toolbar(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu("&Edit")
        for action in (self.search_action, self.find_action, self.find_next_action,
                       self.find_previous_action):
            edit_menu.addAction(action)
        view_menu = menu_bar.addMenu("&View")
        for action in (self.larger_text_action, self.smaller_text_action,
                       self.normal_text_action):
            view_menu.addAction(action)
        go_menu = menu_bar.addMenu("&Go")
        for action in (self.back_action, self.forward_action, self.home_action,
                       self.facts_action):
            go_menu.addAction(action)
        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.disclaimer_action)
        help_menu.addAction(self.about_action)
        toolbar = QToolBar("Navigation")
        toolbar.setObjectName("navigationToolbar")
        toolbar.setAccessibleName("Navigation")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.forward_action, self.home_action,
                       self.facts_action):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            button.setObjectName(action.objectName().replace("Action", "Button"))
            button.setAccessibleName(action.text().replace("&", ""))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    # -- search -------------------------------------------------------------------------------

    def start_search_index(self, cache_file: Path | None) -> None:
        """Open or build the search index in the background; typing works meanwhile."""
        if self._index_loader is not None:
            return
        self._index_loader = IndexLoader(self.pack, cache_file, self)
        self._index_loader.index_ready.connect(self._on_index_ready)
        self._index_loader.start()

    def wait_for_search_index(self, timeout_ms: int = 60_000) -> bool:
        """Block until the index is ready (for tests and benchmarks); True if it is."""
        if self._index_loader is None:
            return False
        return self._index_loader.wait(timeout_ms)

    @property
    def search_panel(self) -> SearchPanel:
        """The search results panel (created the first time it is needed)."""
        if self._search_panel is None:
            from guide.ui.search_panel import SearchPanel  # noqa: PLC0415 - not needed to start

            self._search_panel = SearchPanel()
            self._search_panel.setFont(self.nav_tree.font())
            self.left_panel.addWidget(self._search_panel)
            self._search_panel.article_requested.connect(self._on_search_result_chosen)
        return self._search_panel

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def leave_search(self) -> None:
        """Clear the search and go back to the navigation tree."""
        self.search_box.clear()
        self.left_panel.setCurrentWidget(self.nav_tree)
        self.nav_tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_index_ready(self, index: SearchIndex) -> None:
        self.search_panel.set_index(index)

    def _on_search_move_requested(self, step: int) -> None:
        self.search_panel.move_selection(step)

    def _on_search_open_requested(self) -> None:
        self.search_panel.open_current()

    def _on_search_text_changed(self, text: str) -> None:
        searching = bool(text.strip())
        self.left_panel.setCurrentWidget(self.search_panel if searching else self.nav_tree)
        self.search_panel.search(text)

    def _on_search_result_chosen(self, article_id: str) -> None:
        self.open_location(article_id)
        self.article_view.highlight_terms(self.search_panel.terms())

    def _find_next(self) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_next()

    def _find_previous(self) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_previous()

    # -- navigation -----------------------------------------------------------------------

    def current_location(self) -> str:
        """The location shown now (article id or generated page), without fragment."""
        return split_fragment(self.history.current)[0]

    def open_location(self, location: str, fragment: str = "") -> None:
        """Open an article id (or ``guide:facts``), optionally at a heading; record history."""
        self.history.visit(f"{location}#{fragment}" if fragment else location)
        self._show(location, fragment)

    def go_back(self) -> None:
        """Open the previous location."""
        if self.history.can_go_back():
            self._show(*split_fragment(self.history.back()))

    def go_forward(self) -> None:
        """Open the next location."""
        if self.history.can_go_forward():
            self._show(*split_fragment(self.history.forward()))

    def go_home(self) -> None:
        """Open the pack's home article."""
        self.open_location(self.pack.home)

    def _show(self, location: str, fragment: str) -> None:
        article = self.pack.article(location)
        self.article_view.show_page(self.pages.html(location), fragment)
        self.nav_tree.select_article(location)
        self.facts_panel.show_article(article)
        title = article.title if article else ("Quick facts" if location == FACTS_PAGE
                                               else "Page not found")
        self.setWindowTitle(f"{title} \u2013 {self.pack.title}")
        self.article_view.setAccessibleDescription(title)
        self._update_history_actions()
        if article is not None:
            self._save_location_timer.start()  # not on every click: a write can take a while
        if not self.find_bar.isHidden():
            self.find_bar.refresh()
        self.location_opened.emit(location)

    def _save_location(self) -> None:
        self._save_location_timer.stop()
        location = self.current_location()
        if location in self.pack.articles:
            self.profile.set_last_article(location)
            self.show_notice(self.profile.take_notice())

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _on_external_link_requested(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    # -- text size ----------------------------------------------------------------------------

    def text_scale(self) -> int:
        """Current reading text size in percent."""
        return self._text_scale

    def set_text_scale(self, percent: int) -> None:
        """Scale the article, tree and sidebar text; remembered between launches."""
        self._text_scale = min(max(percent, TEXT_SCALES[0]), TEXT_SCALES[-1])
        base = QApplication.font().pointSizeF()
        widgets: list[QWidget] = [self.article_view, self.nav_tree, self.facts_panel]
        if self._search_panel is not None:
            widgets.append(self._search_panel)
        for widget in widgets:
            font = QFont(widget.font())
            font.setPointSizeF(base * self._text_scale / 100)
            widget.setFont(font)
        self.article_view.refresh_layout()
        self.larger_text_action.setEnabled(self._text_scale < TEXT_SCALES[-1])
        self.smaller_text_action.setEnabled(self._text_scale > TEXT_SCALES[0])
        self.profile.set_text_scale(self._text_scale)

    def _step_text_scale(self, step: int) -> None:
        if step > 0:
            bigger = [s for s in TEXT_SCALES if s > self._text_scale]
            self.set_text_scale(bigger[0] if bigger else TEXT_SCALES[-1])
        else:
            smaller = [s for s in TEXT_SCALES if s < self._text_scale]
            self.set_text_scale(smaller[-1] if smaller else TEXT_SCALES[0])

    # -- dialogs and notices ----------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """Show a one-off message at the top of the window."""
        self.notice_bar.show_notice(text)

    def show_disclaimer(self) -> None:
        """Show the disclaimer again, read-only."""
        from guide.ui.disclaimer_dialog import DisclaimerDialog  # noqa: PLC0415 - rarely used

        DisclaimerDialog.show_read_only(self.pages.disclaimer_html(), self.pack.title,
                                        self.pack.accent, self)

    def about_text(self) -> str:
        """The About box's rich text: app version and who publishes the content."""
        pack = self.pack
        lines = [
            f"<h3>Health Guide {escape(__version__)}</h3>",
            f"<p><b>{escape(pack.title)}</b><br>Published by {escape(pack.publisher)}</p>"
            if pack.publisher else f"<p><b>{escape(pack.title)}</b></p>",
            f"<p>{escape(pack.contact)}</p>" if pack.contact else "",
            (f"<p>{len(pack.articles)} articles. Everything works offline; Health Guide never "
             "connects to the internet and collects nothing about you.</p>"),
        ]
        return "".join(lines)

    def show_about(self) -> None:
        """Show the About box."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - rarely used

        QMessageBox.about(self, f"About {self.pack.title}", self.about_text())

    # -- state --------------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Restore the window size and splitter positions saved last time."""
        geometry, state, splitter = self.profile.window_state()
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))

    def save_layout(self) -> None:
        """Save the window size and splitter positions."""
        def text(data: QByteArray) -> str:
            return bytes(data.toBase64().data()).decode("ascii")

        self.profile.set_window_state(text(self.saveGeometry()), text(self.saveState()),
                                      text(self.splitter.saveState()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout on the way out; let a running index build finish first."""
        self._save_location()
        self.save_layout()
        if self._index_loader is not None:
            self._index_loader.wait()
        super().closeEvent(event)

