"""``health-guide print``: an article, or the whole guide, as a PDF handout from the command line.

For support groups preparing leaflets. It needs no screen: Qt runs offscreen unless told
otherwise (``QT_QPA_PLATFORM``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from guide.cache import PackCache
from guide.model import Pack

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

PackLoader = Callable[[Path | None], tuple[Pack, PackCache] | int]
"""Loads the pack in a folder (``None``: the bundled guide), or says why not with an exit code.

The command line passes :func:`guide.app.load_or_report`, so printing loads a pack the way
starting the app does.
"""


def build_parser() -> argparse.ArgumentParser:
    """The ``print`` command's options."""
    parser = argparse.ArgumentParser(
        prog="health-guide print",
        description="Save an article (or the whole guide) as a PDF handout: the edition's "
                    "name and logo, the article with its sources written out, the disclaimer "
                    "and page numbers on every page.")
    parser.add_argument("article", nargs="?", metavar="ARTICLE_ID",
                        help="the article to print, e.g. medicines/tramadol")
    parser.add_argument("--all", action="store_true",
                        help="print every article, after a contents page, into one PDF")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True,
                        help="the PDF file to write")
    parser.add_argument("--large", action="store_true",
                        help="large print (half as large again as normal)")
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="print from the content pack in DIR instead of the bundled guide")
    return parser


def run_print(argv: list[str], load: PackLoader) -> int:
    """Write the PDF; returns the exit code (0, 1 if it could not be written, 2 for bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if bool(args.article) == args.all:
        parser.error("give one ARTICLE_ID, or --all")
    folder = args.output.resolve().parent
    if not folder.is_dir():
        print(f"health-guide print: error: there is no folder {folder}", file=sys.stderr)
        return EXIT_FAILED
    loaded = load(args.content)
    if isinstance(loaded, int):
        return loaded
    pack, _cache = loaded
    if args.article and args.article not in pack.articles:
        close = difflib.get_close_matches(args.article, list(pack.articles), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        print(f"health-guide print: error: this guide has no article '{args.article}'{hint}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no screen
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - Qt only once the input is right

    from guide.handout import HandoutWriter  # noqa: PLC0415
    from guide.render import Renderer  # noqa: PLC0415
    from guide.ui.printing import (  # noqa: PLC0415
        laid_out,
        laid_out_guide,
        new_pdf_printer,
        print_layout,
    )

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    writer = HandoutWriter(pack, Renderer(pack), dt.datetime.now().date())
    printer = new_pdf_printer(args.output)
    if args.all:
        layout = laid_out_guide(writer, printer, large=args.large)
    else:
        layout = laid_out(writer.article(args.article), pack.root, printer, large=args.large)
    try:
        pages = print_layout(layout, printer)
    except OSError as exc:
        print(f"health-guide print: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    seconds = time.perf_counter() - started
    print(f"wrote {args.output}: {pages} page{'s' * (pages != 1)} in {seconds:.1f} s")
    return EXIT_OK
