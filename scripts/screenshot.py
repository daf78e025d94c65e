"""Save screenshots of Health Guide (main window, disclaimer) for the README and reviews.

Usage: python scripts/screenshot.py [--content DIR] [--open ARTICLE_ID] [--out FILE]
       [--disclaimer FILE] [--size WxH] [--kiosk home|idle|qr]

Runs offscreen unless QT_QPA_PLATFORM is already set; uses a throwaway profile.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from guide.colours import THEMES
from guide.content import load_pack
from guide.locations import bundled_dir
from guide.model import Pack
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import MemoryBackend, Profile
from guide.ui.application import ensure_application, start
from guide.ui.disclaimer_dialog import DisclaimerDialog
from guide.ui.main_window import MainWindow


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--open", dest="article", default="")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument("--disclaimer", type=Path, default=None,
                        help="also save the first-launch disclaimer to this file")
    parser.add_argument("--size", default="1290x820")
    parser.add_argument("--scroll", type=int, default=0, help="scroll the article by N pixels")
    parser.add_argument("--search", default="", help="type this into the search box first")
    parser.add_argument("--open-result", action="store_true",
                        help="after --search, press Enter to open the first result")
    parser.add_argument("--find", default="", help="find this text in the article")
    parser.add_argument("--theme", choices=THEMES, default="light",
                        help="the colours (View > Colours)")
    parser.add_argument("--text-size", type=int, default=100, help="text size in percent")
    parser.add_argument("--kiosk", choices=("home", "idle", "qr"), default=None,
                        help="the waiting-room kiosk: its home screen, the idle question, or "
                             "the QR code of a web link")
    return parser


def save_disclaimer(app: QApplication, pack: Pack, out: Path) -> None:
    """Grab the first-launch disclaimer dialog."""
    dialog = DisclaimerDialog(PageSource(pack).disclaimer_html(), pack.title,
                              read_only=False)
    dialog.show()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    dialog.close()


def settle(app: QApplication, seconds: float) -> None:
    """Let timers and animations run for ``seconds``, as a reader's pause would."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def prepare(app: QApplication, window: MainWindow, args: argparse.Namespace) -> None:
    """Search, find and scroll as asked."""
    if args.search:
        window.start_search_index(None)
        window.wait_for_search_index()
        app.processEvents()
        window.search.focus()
        window.search_box.setText(args.search)
        settle(app, 0.6)  # the full search runs after a pause; the clear button fades in
        if args.open_result:
            window.search_panel.open_current()
        app.processEvents()
    if args.find:
        window.find_bar.open_bar()
        window.find_bar.field.setText(args.find)
        window.find_bar.find_next()
        app.processEvents()
    if args.scroll:
        window.article_view.verticalScrollBar().setValue(args.scroll)


def kiosk_window(app: QApplication, pack: Pack, args: argparse.Namespace,
                 size: QSize) -> tuple[MainWindow, QDialog | None]:
    """Start the kiosk as a clinic would, past the disclaimer, and show what was asked."""
    from guide.ui.kiosk import KioskSession  # noqa: PLC0415

    policy = ModePolicy.kiosk(pack.kiosk)
    window = start(pack, Profile(MemoryBackend()), policy=policy)
    assert window is not None
    window.setWindowState(Qt.WindowState.WindowNoState)  # the screen size we want to show
    window.resize(size)
    app.processEvents()
    for widget in app.topLevelWidgets():
        if isinstance(widget, DisclaimerDialog) and widget.isVisible():
            widget.accept()
    if args.article:
        window.open_location(args.article)
    app.processEvents()
    session = window.findChild(KioskSession)
    assert session is not None
    dialog = None
    if args.kiosk == "idle":
        session.ask_if_still_reading()
    elif args.kiosk == "qr":
        window.show_address("https://www.nhs.uk/conditions/fibromyalgia/")
        dialog = next(w for w in app.topLevelWidgets()
                      if isinstance(w, QDialog) and w.objectName() == "qrDialog")
    app.processEvents()
    return window, dialog


def composite(window: MainWindow, dialog: QDialog | None) -> QImage:
    """The window with a dialog drawn where the screen shows it: centred over the window."""
    image = window.grab().toImage()
    if dialog is not None:
        painter = QPainter(image)
        painter.fillRect(image.rect(), QColor(0, 0, 0, 60))
        picture = dialog.grab()
        painter.drawPixmap((image.width() - picture.width()) // 2,
                           (image.height() - picture.height()) // 2, picture)
        painter.end()
    return image


def main() -> int:
    """Parse arguments, render, save the PNGs."""
    args = build_parser().parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    pack = load_pack(args.content or bundled_dir("content"))
    app = ensure_application()
    if args.disclaimer:
        save_disclaimer(app, pack, args.disclaimer)
    dialog: QDialog | None = None
    if args.kiosk:
        window, dialog = kiosk_window(app, pack, args, QSize(width, height))
    else:
        profile = Profile(MemoryBackend())
        profile.set_accepted_disclaimer(pack.disclaimer.version)
        profile.set_theme(args.theme)
        profile.set_text_scale(args.text_size)
        laptop = start(pack, profile, args.article or pack.home)
        assert laptop is not None
        window = laptop
        window.resize(width, height)
        app.processEvents()
        prepare(app, window, args)

    def grab() -> None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        composite(window, dialog).save(str(args.out))
        print(f"saved {args.out}")
        window.allow_close()
        window.search.wait_for_index()
        app.quit()

    QTimer.singleShot(50, grab)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
