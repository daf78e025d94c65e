"""``health-guide check``: report a content pack's problems like a compiler does."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from guide.content import load_pack
from guide.locations import bundled_dir
from guide.model import PackError, Problem

EXIT_CLEAN = 0
EXIT_ERRORS = 1


def format_problem(problem: Problem, prefix: str) -> str:
    """``path:line: severity: message`` with the path shown under the pack folder."""
    return problem.format(prefix)


def summary(articles: int, problems: Sequence[Problem]) -> str:
    """One closing line: how many articles, errors and warnings."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return (f"checked {articles} articles: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}")


def build_parser() -> argparse.ArgumentParser:
    """Arguments of the ``check`` command."""
    parser = argparse.ArgumentParser(
        prog="health-guide check",
        description="Check a content pack and list its problems, one a line, like a "
                    "compiler. Exits with 1 if there are errors.",
    )
    parser.add_argument("directory", nargs="?", type=Path, metavar="DIR",
                        help="the pack to check (default: the bundled guide)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output as text lines (default) or one JSON document")
    return parser


def run_check(argv: list[str]) -> int:
    """Run the checker; returns the exit code."""
    args = build_parser().parse_args(argv)
    root: Path = args.directory or bundled_dir("content")
    prefix = str(args.directory) if args.directory else str(root)
    try:
        pack = load_pack(root)
        problems: tuple[Problem, ...] = pack.problems
        articles = len(pack.articles)
    except PackError as exc:
        problems = (Problem("", None, str(exc)),)
        articles = 0
    if args.format == "json":
        json.dump({
            "pack": prefix,
            "articles": articles,
            "errors": sum(p.severity == "error" for p in problems),
            "warnings": sum(p.severity == "warning" for p in problems),
            "problems": [
                {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}
                for p in problems
            ],
        }, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for problem in problems:
            print(format_problem(problem, prefix))
        print(summary(articles, problems))
    return EXIT_ERRORS if any(p.severity == "error" for p in problems) else EXIT_CLEAN
