"""Create the QApplication, ask for the disclaimer, and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QEvent, QEventLoop, QThread, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from guide import __version__
from guide.cache import PackCache
from guide.links import FACTS_PAGE
from guide.locations import bundled_dir
from guide.model import Pack
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import JsonFileBackend, MemoryBackend, Profile, edition_profile_dir
from guide.ui import theme
from guide.ui.cache_checker import STALE_NOTICE, CacheChecker
from guide.ui.main_window import MainWindow
from guide.ui.text_size import apply_text_scale
from guide.versions import broken_qt_binding

APP_NAME = "Health Guide"
CHECK_DELAY_MS = 1500
ORGANISATION = "HealthGuide"


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication, creating and styling it on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setApplicationName(APP_NAME)
    QGuiApplication.setOrganizationName(ORGANISATION)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("health-guide")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """A calm look: Fusion, the Health Guide palette and a comfortable base font size."""
    theme.apply_to_application(app)
    app.setWindowIcon(QIcon(str(bundled_dir("resources") / "icons" / "health-guide.svg")))
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)


def brand_application(pack: Pack, theme_name: str = "system") -> None:
    """Give the application the edition's name, icon and colours (taskbar, window class).

    ``theme_name`` is the look (see :data:`guide.colours.THEMES`).
    """
    app = ensure_application()
    edition = pack.edition
    QGuiApplication.setApplicationName(edition.app_name)
    QGuiApplication.setApplicationVersion(edition.version or __version__)
    QGuiApplication.setDesktopFileName(edition.slug)
    if edition.icon:
        icon = QIcon(str(pack.root / edition.icon))
        if not icon.isNull():
            app.setWindowIcon(icon)
    theme.use(theme_name, pack.accent)


def load_with_progress(cache: PackCache) -> Pack:
    """Load a pack in a worker thread while a small window says what is happening.

    Raises what loading raises (:class:`~guide.model.PackError`) once the window is gone.
    """
    app = ensure_application()
    dialog = QProgressDialog(
        "Preparing this guide for its first use\u2026\n"
        "This happens once and can take a minute for a large guide.", "", 0, 0)
    dialog.setObjectName("preparingDialog")
    dialog.setWindowTitle(APP_NAME)
    dialog.setAccessibleName("Preparing the guide")
    dialog.setCancelButton(None)  # no way to cancel: the guide cannot open half-read
    dialog.setMinimumDuration(0)
    dialog.show()
    worker = _PackLoader(cache)
    worker.start()
    while not worker.wait(50):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    dialog.close()
    if worker.error is not None:
        raise worker.error
    assert worker.pack is not None
    return worker.pack


class _PackLoader(QThread):
    """Reads and checks a pack off the UI thread (the app's one threading style: QThread)."""

    def __init__(self, cache: PackCache) -> None:
        super().__init__()
        self._cache = cache
        self.pack: Pack | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        """Thread body; any failure is handed back to the UI thread."""
        try:
            self.pack = self._cache.load()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the UI thread
            self.error = exc


def open_profile(pack: Pack, policy: ModePolicy, profile_dir: Path | None = None) -> Profile:
    """The reader's settings for this edition: in memory, in ``profile_dir``, or its own folder.

    Each edition has its own folder, so two editions never share settings or a disclaimer
    acceptance.
    """
    if not policy.remembers_reader:
        return Profile(MemoryBackend())
    return Profile(JsonFileBackend(profile_dir or edition_profile_dir(pack.edition.id)))


def start(pack: Pack, profile: Profile, open_article: str = "",
          pages: PageSource | None = None, policy: ModePolicy | None = None,
          ) -> MainWindow | None:
    """Ask for the disclaimer if needed, then build and show the main window.

    Returns ``None`` when the reader declines the disclaimer; nothing is recorded then. A mode
    that starts over for each reader shows the window first and asks every new reader (see
    :class:`~guide.ui.kiosk.KioskSession`).
    """
    pages = pages or PageSource(pack)
    policy = policy or ModePolicy.laptop()
    brand_application(pack, policy.theme or profile.theme())
    apply_text_scale(policy.text_scale or profile.text_scale())  # the disclaimer too
    if policy.starts_over:
        return _start_for_each_reader(pack, profile, pages, policy)
    if profile.accepted_disclaimer() != pack.disclaimer.version:
        from guide.ui.disclaimer_dialog import DisclaimerDialog  # noqa: PLC0415 - first run only

        if not DisclaimerDialog.ask(pages.disclaimer_html(), pack.title):
            return None
        profile.set_accepted_disclaimer(pack.disclaimer.version)
    window = MainWindow(pack, profile, pages, policy)
    window.restore_layout()
    first = open_article or profile.last_article()
    if first not in pack.articles and first != FACTS_PAGE:
        if open_article:
            window.show_notice(f"This guide has no article '{open_article}'; showing the home "
                               "page instead.")
        first = pack.home
    window.show()
    _open_first(window, profile, first, asked=bool(open_article))
    # only once the article is on screen: the index never delays the first paint
    window.article_view.after_first_paint(
        lambda: window.start_search_index(pages.search_index_file()))
    return window


def _open_first(window: MainWindow, profile: Profile, location: str, *, asked: bool) -> None:
    """Open the first article once the window is on screen, unless it failed last time.

    An article that was still being opened when the app last stopped (it crashed, or was
    closed because it seemed frozen) is not reopened by itself: the home page is shown.
    """
    if not asked and location != window.pack.home and location == profile.opening_article():
        article = window.pack.article(location)
        title = article.title if article is not None else location
        window.show_notice(f"Health Guide stopped while opening \u201c{title}\u201d last time, "
                           "so the home page is shown instead. Choose the article from the "
                           "list to try again.")
        location = window.pack.home
    QApplication.processEvents()  # the window appears before the article is read
    profile.set_opening_article(location)
    window.open_location(location)
    profile.set_opening_article("")


def _start_for_each_reader(pack: Pack, profile: Profile, pages: PageSource,
                           policy: ModePolicy) -> MainWindow:
    from guide.ui.kiosk import KioskSession  # noqa: PLC0415 - only this mode needs it

    window = MainWindow(pack, profile, pages, policy)
    window.open_location(pack.home)
    window.showFullScreen()
    session = KioskSession(window, policy)
    window.article_view.after_first_paint(lambda: window.start_search_index(None))
    session.welcome_next_reader()
    return window


def run(pack: Pack, profile_dir: Path | None = None, open_article: str = "",
        cache: PackCache | None = None, policy: ModePolicy | None = None) -> int:
    """Run the app until the main window closes; returns the exit code."""
    problem = broken_qt_binding(sys.version_info[:2], PySide6.__version__)
    if problem:
        print(f"health-guide: error: {problem}", file=sys.stderr)
        return 2
    policy = policy or ModePolicy.laptop()
    app = ensure_application()
    window = start(pack, open_profile(pack, policy, profile_dir), open_article,
                   PageSource(pack, cache), policy)
    if window is None:
        return 0
    if cache is not None and not cache.checked:
        checker = CacheChecker(cache, window)
        checker.stale_found.connect(lambda: window.show_notice(STALE_NOTICE))
        # walking thousands of files holds the interpreter: wait until the reader has the page
        window.article_view.after_first_paint(
            lambda: QTimer.singleShot(CHECK_DELAY_MS, checker.start))
        app.aboutToQuit.connect(checker.stop)
    code = app.exec()
    # Closing the last window asks to quit too; when the loop had already ended, that request
    # waits in the queue and would end every later event loop of this process at once.
    QApplication.removePostedEvents(app, QEvent.Type.Quit)
    return code


def show_fatal_error(message: str) -> None:
    """Tell someone at a screen why the app cannot start."""
    ensure_application()
    QMessageBox.critical(None, APP_NAME, f"Health Guide cannot start.\n\n{message}")
