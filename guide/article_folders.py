"""The articles folder read into a tree of sections, refusing links that loop or leave the pack."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from guide.article_file import humanise, parse_article
from guide.fields import Collector, Fields, load_yaml, read_text
from guide.model import DEFAULT_ORDER, Article, Section
from guide.pack_layout import ARTICLES_DIR, SECTION_FILE


def load_articles(root: Path, problems: Collector) -> tuple[Section, dict[str, Article]]:
    """The tree under ``root``'s articles folder, and its articles by id.

    Raises :class:`OSError` only when the articles folder itself cannot be read.
    """
    articles: dict[str, Article] = {}
    tree = _load_section(root / ARTICLES_DIR, root, problems, articles, {})
    return tree, articles


def with_articles(section: Section, articles: Mapping[str, Article]) -> Section:
    """The same tree holding the current versions of its articles."""
    return replace(section, children=tuple(
        with_articles(child, articles) if isinstance(child, Section) else articles[child.id]
        for child in section.children))


def _sort_key(node: Section | Article) -> tuple[int, str]:
    return node.order, node.title.casefold()


def _load_section(folder: Path, root: Path, problems: Collector,
                  articles: dict[str, Article], folded_ids: dict[str, Article]) -> Section:
    """Read a folder of articles; ``folded_ids`` spots ids that differ only in case."""
    articles_root = root / ARTICLES_DIR
    section_id = "" if folder == articles_root else folder.relative_to(articles_root).as_posix()
    title, order = humanise(folder.name), DEFAULT_ORDER
    meta_path = folder / SECTION_FILE
    if meta_path.is_file():
        rel = meta_path.relative_to(root).as_posix()
        text = read_text(meta_path, rel, problems)
        meta = load_yaml(text, rel, 1, problems) if text is not None else None
        if isinstance(meta, dict):
            section_fields = Fields(meta, rel, problems, text or "")
            title = section_fields.text("title") or title
            order = section_fields.integer("order")
        elif meta is not None:
            problems.add(rel, 1, "should be a mapping with 'title' and 'order'")
    children: list[Section | Article] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        if folder == articles_root:
            raise  # no articles at all: the pack cannot be used
        problems.add(folder.relative_to(root).as_posix(), None, f"cannot read this folder "
                     f"({exc.strerror or exc}): the articles in it are left out")
        return Section(section_id, title, order)
    real_root, real_folder = root.resolve(), folder.resolve()
    for entry in entries:
        rel = entry.relative_to(root).as_posix()
        if entry.name.startswith((".", "_")):
            continue
        refused = _refused_entry(entry, real_root, real_folder)
        if refused:
            problems.add(rel, None, refused, "warning")
            continue
        if entry.is_dir():
            section = _load_section(entry, root, problems, articles, folded_ids)
            if section.children:
                children.append(section)
        elif entry.suffix == ".md":
            article = parse_article(entry, root, problems)
            clash = folded_ids.get(article.id.casefold())
            if clash is not None:
                problems.add(rel, None, f"duplicate article id '{article.id}' (same as "
                             f"{clash.path} apart from letter case); ignored")
                continue
            articles[article.id] = article
            folded_ids[article.id.casefold()] = article
            children.append(article)
    return Section(section_id, title, order, tuple(sorted(children, key=_sort_key)))


def _refused_entry(entry: Path, real_root: Path, real_folder: Path) -> str:
    """Why a file or folder of the pack is ignored ("" when it is read): bad links, mostly."""
    try:
        target = entry.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a link loop so
        return "a link that goes round in a loop; ignored"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that goes round in a loop; ignored"
        if exc.errno != errno.ENOENT:
            return f"cannot read this ({exc.strerror or exc}); ignored"
        if Path(os.path.realpath(entry)).is_relative_to(real_root):
            return "a link to something that does not exist; ignored"
        target = real_root.parent  # a link leaving the pack, to nothing
    if not target.is_relative_to(real_root):
        return "links to a file outside the pack; ignored"
    if entry.is_dir() and real_folder.is_relative_to(target):
        return ("links back to a folder that holds it, which would repeat the folder forever; "
                "ignored")
    return ""
