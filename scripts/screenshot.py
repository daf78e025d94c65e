"""Save screenshots of Health Guide (main window, disclaimer) for the README and reviews.

Usage: python scripts/screenshot.py [--content DIR] [--open ARTICLE_ID] [--out FILE]
       [--disclaimer FILE] [--size WxH]

Runs offscreen unless QT_QPA_PLATFORM is already set; uses a throwaway profile.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from guide.content import load_pack
from guide.locations import bundled_dir
from guide.model import Pack
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
    return parser


def save_disclaimer(app: QApplication, pack: Pack, out: Path) -> None:
    """Grab the first-launch disclaimer dialog."""
    dialog = DisclaimerDialog(PageSource(pack).disclaimer_html(), pack.title,
                              read_only=False, accent=pack.accent)
    dialog.show()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    dialog.close()


def prepare(app: QApplication, window: MainWindow, args: argparse.Namespace) -> None:
    """Search, find and scroll as asked."""
    if args.search:
        window.start_search_index(None)
        window.wait_for_search_index()
        app.processEvents()
        window.search.focus()
        window.search_box.setText(args.search)
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


def main() -> int:
    """Parse arguments, render, save the PNGs."""
    args = build_parser().parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    pack = load_pack(args.content or bundled_dir("content"))
    app = ensure_application()
    if args.disclaimer:
        save_disclaimer(app, pack, args.disclaimer)
    profile = Profile(MemoryBackend())
    profile.set_accepted_disclaimer(pack.disclaimer.version)
    window = start(pack, profile, args.article or pack.home)
    assert window is not None
    window.resize(width, height)
    app.processEvents()
    prepare(app, window, args)

    def grab() -> None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        print(f"saved {args.out}")
        app.quit()

    QTimer.singleShot(50, grab)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
