"""Command-line entry point behind ``main.py`` and the ``health-guide`` console script."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from guide import __version__, passphrase
from guide.cache import PackCache, open_cache
from guide.locations import bundled_dir
from guide.model import Pack, PackError
from guide.modes import ModePolicy

EXIT_OK = 0
EXIT_UNUSABLE_PACK = 2


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="health-guide",
        description="An offline health guide: articles, quick facts and a glossary from a "
                    "content pack, for reading, a waiting-room kiosk, or a support group's own "
                    "edition.",
        epilog="Other commands: health-guide check [DIR] (list a content pack's problems), "
               "health-guide new-pack DIR (start your own edition), health-guide build "
               "(an installer of an edition for this computer), health-guide "
               "kiosk-passphrase (the kiosk operator's passphrase). Add --help to any of them.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="use the content pack in DIR instead of the bundled guide")
    parser.add_argument("--profile", metavar="DIR", type=Path,
                        help="keep your settings in DIR (default: your per-user app-data folder)")
    parser.add_argument("--open", metavar="ARTICLE_ID", dest="open_article", default="",
                        help="open this article first, e.g. medicines/ketamine-infusion")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this edition works here, without a screen: show every "
                             "page, search, check the disclaimer and branding; print one line "
                             "and exit with 0 (passed) or 1")
    kiosk = parser.add_argument_group(
        "waiting-room kiosk",
        "Full screen and locked down; starts over for the next reader; writes nothing to disk. "
        "The pack's 'kiosk:' section holds the clinic's settings; these override it. "
        "health-guide kiosk-passphrase makes the operator's passphrase line.")
    kiosk.add_argument("--kiosk", action="store_true",
                       help="run as a waiting-room kiosk")
    kiosk.add_argument("--idle-seconds", metavar="N", type=int,
                       help="start over after N seconds without a touch (default: the pack's "
                            "kiosk idle_seconds, else 90)")
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


def load_or_report(content: Path | None, *, write_cache: bool = True,
                   ) -> tuple[Pack, PackCache] | int:
    """Load the pack (through the start-up cache unless ``write_cache`` is off).

    Prints the pack's problems; returns an exit code instead when the pack is unusable.
    """
    root = content or bundled_dir("content")
    try:
        cache = open_cache(root, write=write_cache)
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
    if argv[:1] == ["new-pack"]:
        from guide.newpack import run_new_pack  # noqa: PLC0415

        return run_new_pack(argv[1:])
    if argv[:1] == ["build"]:
        from guide.build import run_build  # noqa: PLC0415

        return run_build(argv[1:])
    if argv[:1] == ["print"]:
        from guide.ui.print_command import run_print  # noqa: PLC0415 - Qt only when printing

        return run_print(argv[1:], load_or_report)
    if argv[:1] == ["kiosk-passphrase"]:
        from guide.passphrase_cli import run_passphrase  # noqa: PLC0415

        return run_passphrase(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.idle_seconds is not None and not args.kiosk:
        parser.error("--idle-seconds needs --kiosk")
    if args.self_test:
        from guide.ui.self_test import run_self_test  # noqa: PLC0415 - Qt only if needed

        return run_self_test(args.content)
    loaded = load_or_report(args.content, write_cache=not args.kiosk)
    if isinstance(loaded, int):
        return loaded
    pack, cache = loaded
    policy = choose_policy(pack, kiosk=args.kiosk, idle_seconds=args.idle_seconds)
    if not policy.can_quit and not passphrase.parse(policy.operator_passphrase):
        print("health-guide: kiosk: no operator_passphrase in the pack's kiosk settings, so "
              "only the operating system can close the kiosk (see README, Kiosk).",
              file=sys.stderr)
    from guide.ui.application import run  # noqa: PLC0415 - keep --help/--version free of Qt

    return run(pack, profile_dir=args.profile, open_article=args.open_article,
               cache=cache if policy.writes_caches or cache.read_only else None, policy=policy)


def choose_policy(pack: Pack, *, kiosk: bool, idle_seconds: int | None = None) -> ModePolicy:
    """The mode policy for this run: the pack's kiosk settings, overridden by the command line."""
    if not kiosk:
        return ModePolicy.laptop()
    settings = pack.kiosk
    if idle_seconds is not None:
        warning = min(settings.warning_seconds, max(1, idle_seconds // 2))
        settings = replace(settings, idle_seconds=max(1, idle_seconds), warning_seconds=warning)
    return ModePolicy.kiosk(settings)
