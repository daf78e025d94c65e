"""``health-guide new-pack``: start a small, valid content pack for a new edition."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from guide.edition import derive_id
from guide.leftovers import SAMPLE_MARK
from guide.locations import bundled_dir

TEMPLATE = "new-pack"
_TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".txt"}


def build_parser() -> argparse.ArgumentParser:
    """Arguments of the ``new-pack`` command."""
    parser = argparse.ArgumentParser(
        prog="health-guide new-pack",
        description="Write a small, valid content pack to start your own edition: a manifest "
                    "with every key, a welcome page, two sample articles, a 'get help now' page, "
                    "a disclaimer to replace, example facts and glossary, and a README.")
    parser.add_argument("directory", type=Path, metavar="DIR",
                        help="the new pack's folder (must not exist yet, or be empty)")
    parser.add_argument("--title", default="My Health Guide", help="the guide's title")
    parser.add_argument("--language", default="en", help="the content's language code")
    parser.add_argument("--id", dest="pack_id", default="",
                        help="the edition's id (default: made from the title)")
    return parser


def write_pack(target: Path, title: str, language: str = "en", pack_id: str = "",
               today: dt.date | None = None) -> list[Path]:
    """Copy the template into ``target`` with the title, id and dates filled in."""
    today = today or dt.date.today()
    values = {
        "{{title}}": title.replace('"', "'"),
        "{{id}}": pack_id or derive_id(title),
        "{{language}}": language,
        "{{today}}": today.isoformat(),
        "{{next_year}}": today.replace(year=today.year + 1, day=min(today.day, 28)).isoformat(),
    }
    template = bundled_dir("resources") / TEMPLATE
    written = []
    for source in sorted(template.rglob("*")):
        if not source.is_file():
            continue
        destination = target / source.relative_to(template)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in _TEXT_SUFFIXES:
            text = source.read_text(encoding="utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, value)
            destination.write_text(text, encoding="utf-8")
        else:
            destination.write_bytes(source.read_bytes())
        written.append(destination)
    return written


def run_new_pack(argv: list[str]) -> int:
    """Run the command; returns the exit code."""
    args = build_parser().parse_args(argv)
    target: Path = args.directory
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"health-guide: error: {target} already exists and is not empty; choose a new "
              "folder", file=sys.stderr)
        return 1
    try:
        written = write_pack(target, args.title, args.language, args.pack_id)
    except OSError as exc:
        print(f"health-guide: error: cannot write {target}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files to {target}. Next:\n"
          f"  1. Replace every line marked {SAMPLE_MARK} (start with guide.yml and "
          "disclaimer.md).\n"
          f"  2. health-guide check {target}\n"
          f"  3. health-guide --content {target}")
    return 0
