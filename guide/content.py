"""Load a content pack from its folder into the content model, collecting problems."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from guide.article_size import shown_part
from guide.colours import DEFAULT_ACCENT
from guide.fields import Collector, Fields, load_yaml, read_text
from guide.glossary import GLOSSARY_ID, Glossary, Term, glossary_markdown
from guide.locations import UnsafePathError, resolve_inside
from guide.manifest import check_keys, kiosk_settings, read_edition
from guide.model import (
    DEFAULT_ORDER,
    Article,
    Disclaimer,
    Fact,
    Heading,
    Pack,
    PackError,
    Section,
    Source,
    slugify,
)
from guide.outline import Outline
from guide.readability import measure, reading_text
from guide.synonyms_file import load_synonyms

MANIFEST = "guide.yml"
ARTICLES_DIR = "articles"
SECTION_FILE = "_section.yml"
DEFAULT_FACTS_FILE = "facts.yml"
DEFAULT_GLOSSARY_FILE = "glossary.yml"
REQUIRED_FIELDS = ("title", "summary", "last_reviewed", "status", "sources")

FALLBACK_DISCLAIMER = (
    "This guide gives general health information only. It is not medical advice and does "
    "not replace a doctor, nurse or pharmacist who knows you. Talk to your healthcare "
    "provider before you start, stop or change any treatment. In an emergency, call your "
    "local emergency number."
)

_FRONT_MATTER_END = re.compile(r"^---\s*$", re.MULTILINE)


def humanise(stem: str) -> str:
    """A title made from a file or folder name."""
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or stem


def _outline(body: str) -> tuple[Heading, ...]:
    """The headings as the renderer reads them (its converter is loaded only to parse)."""
    from guide.markdown_scan import outline  # noqa: PLC0415 - a warm start never parses

    return outline(body)


def _broken(article_id: str, rel: str, section_id: str, error: str) -> Article:
    return Article(article_id, rel, humanise(article_id.rpartition("/")[2]), section_id,
                   error=error)


def parse_article(path: Path, root: Path, problems: Collector) -> Article:
    """Read one article file. A broken file gives an article with ``error`` set."""
    rel = path.relative_to(root).as_posix()
    article_id = path.relative_to(root / ARTICLES_DIR).with_suffix("").as_posix()
    section_id = article_id.rpartition("/")[0]
    text = read_text(path, rel, problems)
    if text is None:
        return _broken(article_id, rel, section_id,
                       "This article could not be read: its file is missing, unreadable or "
                       "not saved as UTF-8 text.")
    meta: Any = {}
    header = ""
    body = text
    if text.startswith("---"):
        end = _FRONT_MATTER_END.search(text, 3)
        if end is None:
            problems.add(rel, 1, "front matter starts with '---' but never ends with '---'")
            return _broken(article_id, rel, section_id,
                           "This article's details block (front matter) is not closed.")
        header = text[3 : end.start()]
        body = text[end.end() :].lstrip("\n")
        meta = load_yaml(header, rel, 1, problems)
        if meta is None and header.strip():
            return _broken(article_id, rel, section_id,
                           "This article's details block (front matter) is not valid YAML.")
        meta = meta or {}
        if not isinstance(meta, dict):
            problems.add(rel, 2, "front matter should be a mapping of 'key: value' lines")
            meta = {}
    else:
        problems.add(rel, 1, "no front matter: start the file with a '---' block")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    meta_fields = Fields(meta, rel, problems, header, first_line=1)
    for key in REQUIRED_FIELDS:
        if not meta.get(key):
            problems.add(rel, meta_fields.line(key) or 1, f"missing required front matter '{key}'")
    status = meta_fields.text("status") or "draft"
    reviewed_by = meta_fields.text("reviewed_by")
    if status not in {"draft", "reviewed"}:
        meta_fields.add("status", f"unknown status {status!r}: use 'draft' or 'reviewed'")
        status = "draft"
    if status == "reviewed" and not reviewed_by:
        meta_fields.add("status",
                        "status is 'reviewed' but 'reviewed_by' names no one; shown as draft")
        status = "draft"
    headings = _outline(shown_part(body))
    return Article(
        id=article_id,
        path=rel,
        title=meta_fields.text("title") or humanise(path.stem),
        section_id=section_id,
        summary=meta_fields.text("summary"),
        order=meta_fields.integer("order"),
        status=status,
        last_reviewed=meta_fields.date("last_reviewed"),
        next_review=meta_fields.date("next_review"),
        reviewed_by=reviewed_by,
        evidence=meta_fields.text("evidence"),
        sources=meta_fields.sources(),
        related=meta_fields.text_list("related"),
        facts=meta_fields.text_list("facts"),
        tags=meta_fields.text_list("tags"),
        also_called=meta_fields.text_list("also_called"),
        body=body,
        body_line=body_line,
        headings=headings,
        reading_grade=round(max(measure(body).grade, 0.0), 1),
        field_lines=tuple(meta_fields.lines.items()),
    )


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


def _load_facts(root: Path, name: str, articles: Mapping[str, Article],
                problems: Collector) -> tuple[Fact, ...]:
    path = root / name
    if not path.is_file():
        problems.add(name, None, "facts file not found; the sidebar shows no 'Did you know?'",
                     "warning")
        return ()
    text = read_text(path, name, problems)
    data = load_yaml(text, name, 1, problems) if text is not None else None
    entries = data.get("facts") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        if data is not None:
            problems.add(name, 1, "should hold a 'facts:' list")
        return ()
    item_lines = [n for n, line in enumerate((text or "").splitlines(), start=1)
                  if re.match(r"^\s*-\s", line) and not line.startswith((" " * 6, "\t"))]
    facts = []
    for number, entry in enumerate(entries, start=1):
        line = item_lines[number - 1] if number <= len(item_lines) else None
        if not isinstance(entry, dict) or not entry.get("text"):
            problems.add(name, line, f"fact {number} has no 'text'")
            continue
        entry_fields = Fields(entry, name, problems)
        entry_fields.lines = dict.fromkeys(entry, line or 1)
        source = entry_fields.source(entry["source"], "source") if entry.get("source") else None
        if source is None:
            problems.add(name, line, f"fact {number} has no source")
        else:
            problems.check_source(name, line, source)
        problems.check_reading_level(name, line, str(entry["text"]), f"fact {number}")
        linked = entry_fields.text_list("articles")
        for article_id in linked:
            if article_id not in articles:
                problems.add(name, line, f"fact {number} names unknown article '{article_id}'")
        facts.append(Fact(entry_fields.text("text"), source, linked))
    return tuple(facts)


def _load_glossary(root: Path, name: str, problems: Collector
                   ) -> tuple[Glossary, tuple[Source, ...], dt.date | None]:
    path = root / name
    if not path.is_file():
        return Glossary(), (), None
    text = read_text(path, name, problems)
    data = load_yaml(text, name, 1, problems) if text is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        if data is not None:
            problems.add(name, 1, "should hold a 'terms:' list")
        return Glossary(), (), None
    top = Fields(data, name, problems, text or "")
    term_lines = [n for n, line in enumerate((text or "").splitlines(), start=1)
                  if re.match(r"^\s*-\s+term\s*:", line)]
    terms: list[Term] = []
    names: dict[str, str] = {}
    for number, entry in enumerate(data["terms"], start=1):
        line = term_lines[number - 1] if number <= len(term_lines) else None
        if not isinstance(entry, dict):
            problems.add(name, line, f"glossary entry {number} should be a mapping")
            continue
        entry_fields = Fields(entry, name, problems)
        entry_fields.lines = dict.fromkeys(entry, line or 1)
        word = entry_fields.text("term")
        definition = entry_fields.text("definition")
        if not word or not definition:
            problems.add(name, line, f"glossary entry {number} needs a 'term' and a 'definition'")
            continue
        also = entry_fields.text_list("also")
        for form in (word, *also):
            if form.casefold() in names:
                problems.add(name, line, f"'{form}' is already used by the glossary entry "
                             f"'{names[form.casefold()]}'")
            names.setdefault(form.casefold(), word)
        terms.append(Term(word, definition, slugify(word), also, entry_fields.text_list("see")))
    glossary = Glossary(tuple(terms))
    for number, entry_term in enumerate(terms, start=1):
        for other in entry_term.see:
            if glossary.term(other) is None:
                line = term_lines[number - 1] if number <= len(term_lines) else None
                problems.add(name, line, f"'{entry_term.term}' says see '{other}', which is "
                             "not a glossary term")
    sources = top.sources()
    for source in sources:
        problems.check_source(name, top.line("sources"), source)
    return glossary, sources, top.date("last_reviewed")


def _with_articles(section: Section, articles: Mapping[str, Article]) -> Section:
    """The same tree holding the current versions of its articles."""
    return replace(section, children=tuple(
        _with_articles(child, articles) if isinstance(child, Section) else articles[child.id]
        for child in section.children))


def _glossary_article(glossary: Glossary, sources: tuple[Source, ...],
                      reviewed: dt.date | None) -> Article:
    body = glossary_markdown(glossary)
    return Article(
        id=GLOSSARY_ID,
        path=DEFAULT_GLOSSARY_FILE,
        title="Glossary",
        summary="Medical words used in this guide, explained in plain language.",
        order=DEFAULT_ORDER * 10,
        last_reviewed=reviewed,
        sources=sources,
        body=body,
        headings=_outline(body),
        tags=("glossary",),
        also_called=("dictionary", "medical words", "definitions"),
        reading_grade=round(max(measure(body).grade, 0.0), 1),
    )


def _load_manifest(root: Path) -> tuple[dict[str, Any], str]:
    if not root.exists():
        raise PackError(f"content pack folder not found: {root}")
    if not root.is_dir():
        raise PackError(f"content pack is not a folder: {root}")
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise PackError(f"{root} is not a content pack: it has no {MANIFEST}")
    collector = Collector()
    text = read_text(manifest, MANIFEST, collector)
    data = load_yaml(text, MANIFEST, 1, collector) if text is not None else None
    if collector.problems:
        first = collector.problems[0]
        where = f"{root / MANIFEST}:{first.line}" if first.line else str(root / MANIFEST)
        raise PackError(f"{where}: {first.message}")
    if not isinstance(data, dict):
        raise PackError(f"{root / MANIFEST}: should be a mapping of 'key: value' lines")
    return data, text or ""


def load_pack(root: Path, today: dt.date | None = None) -> Pack:
    """Load and check the pack at ``root``. Raises :class:`PackError` only when unusable.

    ``today`` is the date review deadlines are checked against (default: today).
    """
    from guide.validate import check_pack  # noqa: PLC0415 - validate imports this module

    data, manifest_text = _load_manifest(root)
    problems = Collector()
    manifest = Fields(data, MANIFEST, problems, manifest_text)
    articles_dir = root / ARTICLES_DIR
    articles: dict[str, Article] = {}
    try:
        tree = _load_section(articles_dir, root, problems, articles, {})
    except OSError as exc:
        raise PackError(f"cannot read articles in {articles_dir}: {exc.strerror or exc}") from exc
    if not articles:
        raise PackError(f"{root} has no articles: add Markdown files under {ARTICLES_DIR}/")
    glossary, glossary_sources, glossary_reviewed = _load_glossary(
        root, manifest.text("glossary") or DEFAULT_GLOSSARY_FILE, problems)
    if glossary.terms:
        for article_id, item in articles.items():  # which terms each article uses, once
            if not item.error:
                used = glossary.terms_in(reading_text(item.body))
                articles[article_id] = replace(item, glossary_terms=used)
        tree = _with_articles(tree, articles)
        if GLOSSARY_ID in articles:
            problems.add(articles[GLOSSARY_ID].path, None, f"duplicate article id "
                         f"'{GLOSSARY_ID}': the glossary page has that id; this file is ignored")
            tree = Section(tree.id, tree.title, tree.order,
                           tuple(c for c in tree.children if c.id != GLOSSARY_ID))
        articles[GLOSSARY_ID] = _glossary_article(glossary, glossary_sources, glossary_reviewed)
        tree = Section(tree.id, tree.title, tree.order,
                       (*tree.children, articles[GLOSSARY_ID]))
    home = manifest.text("home")
    if home not in articles:
        first = next(n for n in tree.walk() if isinstance(n, Article))
        manifest.add("home", f"home article '{home}' does not exist; using '{first.id}'")
        home = first.id
    check_keys(manifest)
    title = manifest.text("title") or humanise(root.name)
    pack = Pack(
        root=root,
        title=title,
        publisher=manifest.text("publisher"),
        language=manifest.text("language") or "en",
        home=home,
        edition=read_edition(manifest, root, title, articles),
        accent=_accent(manifest),
        disclaimer=_load_disclaimer(root, manifest, problems),
        outline=Outline.from_tree(tree),
        articles=MappingProxyType(articles),
        facts=_load_facts(root, manifest.text("facts") or DEFAULT_FACTS_FILE, articles,
                          problems),
        glossary=glossary,
        synonyms=load_synonyms(root, manifest.text("language") or "en", articles, problems),
        kiosk=kiosk_settings(manifest),
    )
    check_pack(pack, problems, today or dt.date.today())
    return replace(pack, problems=tuple(problems.problems))


def _accent(manifest: Fields) -> str:
    value = manifest.text("accent")
    if not value:
        return DEFAULT_ACCENT
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value
    manifest.add("accent", f"accent {value!r} should be a colour like #2f6f8f", "warning")
    return DEFAULT_ACCENT


def _load_disclaimer(root: Path, manifest: Fields, problems: Collector) -> Disclaimer:
    spec = manifest.data.get("disclaimer")
    if not isinstance(spec, dict):
        manifest.add("disclaimer", "no 'disclaimer: {file, version}': a generic disclaimer is "
                     "shown instead")
        return Disclaimer(FALLBACK_DISCLAIMER, "fallback")
    spec_fields = Fields(spec, MANIFEST, problems)
    spec_fields.lines = dict.fromkeys(spec, manifest.line("disclaimer") or 1)
    version = spec_fields.text("version")
    if not version and "version" not in spec:
        manifest.add("disclaimer", "the disclaimer has no 'version': add one (for example "
                     "'version: 1') and raise it whenever the text changes, so readers are "
                     "asked to accept it again")
    version = version or "1"
    name = spec_fields.text("file")
    if not name:
        if "file" not in spec:
            manifest.add("disclaimer", "the disclaimer has no 'file': a generic disclaimer is "
                         "shown instead")
        return Disclaimer(FALLBACK_DISCLAIMER, "fallback")
    try:
        path = resolve_inside(root, name)
    except UnsafePathError as exc:
        manifest.add("disclaimer", f"disclaimer: {exc}")
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    if not path.is_file():
        problems.add(name, None, "disclaimer file not found; a generic one is shown")
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    text = read_text(path, name, problems)
    if not text or not text.strip():
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    problems.check_reading_level(name, None, text, "the disclaimer")
    return Disclaimer(text, version)
