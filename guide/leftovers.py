"""What a new edition has left to replace: template text, and copies of the default guide."""

from __future__ import annotations

import hashlib
from pathlib import Path

from guide.edition import declared_id
from guide.fields import Collector
from guide.locations import bundled_dir
from guide.model import Pack

SAMPLE_MARK = "[SAMPLE]"
"""Marks template text to replace (written by ``health-guide new-pack``)."""
_PACK_FILES = ("guide.yml", "disclaimer.md", "facts.yml", "glossary.yml", "synonyms.yml")


def check_leftovers(pack: Pack, problems: Collector) -> None:
    """Warn about sample text still in place and about what is copied from the default guide."""
    _check_sample_text(pack.root, problems)
    default = bundled_dir("content")
    if default.resolve() != pack.root.resolve() and (default / "guide.yml").is_file():
        _check_default_copies(pack, default, problems)


def _text_files(root: Path) -> list[Path]:
    files = [root / name for name in _PACK_FILES if (root / name).is_file()]
    articles = root / "articles"
    if articles.is_dir():
        files += sorted(p for p in articles.rglob("*") if p.suffix in {".md", ".yml"}
                        and p.is_file() and not p.is_symlink())
    return files


def _check_sample_text(root: Path, problems: Collector) -> None:
    for path in _text_files(root):
        try:
            count = path.read_text(encoding="utf-8", errors="replace").count(SAMPLE_MARK)
        except OSError:
            continue
        if count:
            problems.add(path.relative_to(root).as_posix(), None,
                         f"{count} piece{'s' * (count != 1)} of sample text marked {SAMPLE_MARK} "
                         "still here: replace them before you share the pack", "warning")


def _manifest_title(root: Path) -> str:
    for line in (root / "guide.yml").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("title:"):
            return line.partition(":")[2].strip().strip("\"'")
    return ""


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _check_default_copies(pack: Pack, default: Path, problems: Collector) -> None:
    if pack.edition.id == declared_id(default):
        problems.add("guide.yml", None, f"id '{pack.edition.id}' is the default guide's: "
                     "choose your own, so your readers' settings are not mixed with it",
                     "warning")
    default_title = _manifest_title(default)
    if default_title and pack.title == default_title:
        problems.add("guide.yml", None, f"title '{pack.title}' is the default guide's: give "
                     "your edition its own", "warning")
    for name in ("disclaimer.md", "facts.yml", "glossary.yml"):
        mine, theirs = pack.root / name, default / name
        if mine.is_file() and _digest(mine) == _digest(theirs):
            problems.add(name, None, "is the default guide's, unchanged: write your own "
                         "(or remove it)", "warning")
    copies = 0
    default_articles = default / "articles"
    for path in _text_files(pack.root):
        relative = path.relative_to(pack.root)
        if relative.parts[0] == "articles" and path.suffix == ".md":
            original = default_articles / relative.relative_to("articles")
            copies += original.is_file() and _digest(original) == _digest(path)
    if copies:
        problems.add("articles", None, f"{copies} article{'s are' if copies != 1 else ' is'} "
                     "the default guide's, unchanged: replace or remove them", "warning")
