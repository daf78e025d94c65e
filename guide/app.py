"""Command-line entry point behind ``main.py`` and the ``health-guide`` console script."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from guide import __version__
from guide.cache import PackCache, user_cache_dir
from guide.locations import bundled_dir
from guide.model import Pack, PackError

EXIT_OK = 0
EXIT_UNUSABLE_PACK = 2


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="health-guide",
        description="An offline guide to fibromyalgia and chronic pain.",
        epilog="To check a content pack for problems: health-guide check [DIR] "
               "(see health-guide check --help).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="use the content pack in DIR instead of the bundled guide")
    parser.add_argument("--profile", metavar="DIR", type=Path,
                        help="keep your settings in DIR (default: your per-user app-data folder)")
    parser.add_argument("--open", metavar="ARTICLE_ID", dest="open_article", default="",
                        help="open this article first, e.g. medicines/ketamine-infusion")
    return parser


def display_available() -> bool:
    """Whether a message box could be seen by someone (not headless, not offscreen)."""
    if os.environ.get("QT_QPA_PLATFORM", "") in {"offscreen", "minimal"}:
        return False
    if sys.platform in {"win32", "darwin"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def report_fatal(message: str) -> int:
    """Print one line to stderr (and show it when a screen exists); return exit code 2."""
    print(f"health-guide: error: {message}", file=sys.stderr)
    if display_available():
        from guide.ui.application import show_fatal_error  # noqa: PLC0415 - Qt only if needed

        show_fatal_error(message)
    return EXIT_UNUSABLE_PACK


LARGE_PACK = 500
"""Packs with more article files than this show a progress window on their first launch."""


def _is_large(root: Path) -> bool:
    articles = root / "articles"
    count = 0
    for _folder, _dirs, files in os.walk(articles):
        count += sum(name.endswith(".md") for name in files)
        if count > LARGE_PACK:
            return True
    return False


def load_or_report(content: Path | None) -> tuple[Pack, PackCache] | int:
    """Load the pack (through the start-up cache), printing its problems.

    Returns an exit code instead when the pack is unusable.
    """
    root = content or bundled_dir("content")
    try:
        cache = PackCache(root, user_cache_dir())
        if display_available() and not cache.has_snapshot() and _is_large(root):
            # reading thousands of files takes a while: say so instead of looking frozen
            from guide.ui.application import load_with_progress  # noqa: PLC0415

            pack = load_with_progress(cache)
        else:
            pack = cache.load()
    except PackError as exc:
        return report_fatal(str(exc))
    prefix = str(content) if content else ""
    for problem in pack.problems:
        print(problem.format(prefix), file=sys.stderr)  # the checker's format
    return pack, cache


def main(argv: list[str] | None = None) -> int:
    """Run the app (or ``check``); returns the process exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        from guide.checker import run_check  # noqa: PLC0415

        return run_check(argv[1:])
    args = build_parser().parse_args(argv)
    loaded = load_or_report(args.content)
    if isinstance(loaded, int):
        return loaded
    pack, cache = loaded
    from guide.ui.application import run  # noqa: PLC0415 - keep --help/--version free of Qt

    return run(pack, profile_dir=args.profile, open_article=args.open_article, cache=cache)
