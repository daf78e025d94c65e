"""Load and validate a content pack into immutable dataclasses, collecting problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from guide.links import article_link_target, is_external, resolve_relative, split_fragment
from guide.locations import UnsafePathError, resolve_inside

MANIFEST = "guide.yml"
ARTICLES_DIR = "articles"
SECTION_FILE = "_section.yml"
DEFAULT_FACTS_FILE = "facts.yml"
DEFAULT_ORDER = 1000

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a pack, located as precisely as we can (compiler style)."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"


class PackError(Exception):
    """The pack cannot be used at all (missing folder or manifest)."""


@dataclass(frozen=True)
class Source:
    """A reference an article or fact is based on."""

    title: str
    publisher: str = ""
    year: int | None = None
    url: str = ""
    doi: str = ""

    def citation(self) -> str:
        """Plain-text citation: publisher, title, year."""
        parts = [p for p in (self.publisher, self.title) if p]
        text = ". ".join(parts)
        return f"{text} ({self.year})" if self.year else text


@dataclass(frozen=True)
class Heading:
    """A ``##``/``###`` heading of an article, with its anchor."""

    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Article:
    """One Markdown article. ``error`` is set when the file could not be read or parsed."""

    id: str
    path: str
    title: str
    section_id: str = ""
    summary: str = ""
    order: int = DEFAULT_ORDER
    status: str = "draft"
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    reviewed_by: str = ""
    evidence: str = ""
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    also_called: tuple[str, ...] = ()
    body: str = ""
    body_line: int = 1
    headings: tuple[Heading, ...] = ()
    error: str = ""

    @property
    def is_draft(self) -> bool:
        """True unless a named clinician has reviewed the article."""
        return self.status != "reviewed"

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {self.title!r})"


@dataclass(frozen=True)
class Section:
    """A folder of articles. ``children`` holds sections and articles in display order."""

    id: str
    title: str
    order: int = DEFAULT_ORDER
    children: tuple[Section | Article, ...] = ()

    def walk(self) -> Iterator[Section | Article]:
        """Yield every descendant, depth first, in display order."""
        for child in self.children:
            yield child
            if isinstance(child, Section):
                yield from child.walk()

    def outline(self, indent: int = 0) -> str:
        """Readable tree, one node a line, for tests and debugging."""
        lines = []
        for child in self.children:
            if isinstance(child, Section):
                lines.append(f"{'  ' * indent}{child.title}/")
                lines.append(child.outline(indent + 1))
            else:
                lines.append(f"{'  ' * indent}{child.title} [{child.id}]")
        return "\n".join(line for line in lines if line)

    def __repr__(self) -> str:
        return f"Section({self.id!r}, {self.title!r}, {len(self.children)} children)"


@dataclass(frozen=True)
class Fact:
    """A "Did you know?" fact with its source."""

    text: str
    source: Source | None
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disclaimer:
    """The disclaimer text (Markdown) and the version a reader accepts."""

    text: str
    version: str


FALLBACK_DISCLAIMER = (
    "This guide gives general health information only. It is not medical advice and does "
    "not replace a doctor, nurse or pharmacist who knows you. Talk to your healthcare "
    "provider before you start, stop or change any treatment. In an emergency, call your "
    "local emergency number."
)


@dataclass(frozen=True)
class Pack:
    """A loaded content pack. ``problems`` lists everything that was wrong with it."""

    root: Path
    title: str
    publisher: str
    language: str
    home: str
    contact: str
    accent: str
    disclaimer: Disclaimer
    tree: Section
    articles: Mapping[str, Article]
    facts: tuple[Fact, ...]
    problems: tuple[Problem, ...] = field(default=())

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or ``None``."""
        return self.articles.get(article_id)

    def facts_for(self, article_id: str) -> tuple[Fact, ...]:
        """Facts tied to an article by its id."""
        return tuple(fact for fact in self.facts if article_id in fact.articles)

    def __repr__(self) -> str:
        return f"Pack({self.title!r}, {len(self.articles)} articles, {len(self.problems)} problems)"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # mappingproxy cannot be pickled; rebuild it from a plain dict (for the start-up cache)
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["articles"] = dict(self.articles)
        return _restore_pack, (values,)


def _restore_pack(values: dict[str, Any]) -> Pack:
    values["articles"] = MappingProxyType(values["articles"])
    return Pack(**values)


def slugify(text: str, separator: str = "-") -> str:
    """Anchor for a heading; the renderer passes this same function to Python-Markdown."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, value)


# -- parsing helpers ---------------------------------------------------------------------------

_FRONT_MATTER_END = re.compile(r"^---\s*$", re.MULTILINE)
_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_LINK = re.compile(
    r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]"  # [text] or ![alt], one level of nested brackets
    r"\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)"  # (target "optional title")
)
_RAW_HTML = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


class _Collector:
    """Accumulates problems for one pack."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int | None, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(path, line, message, severity))


def _read_text(path: Path, rel: str, problems: _Collector) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, None, f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(rel, line, f"not valid UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return None


def _load_yaml(text: str, rel: str, first_line: int, problems: _Collector) -> Any:
    # imported here: a start from the cache never parses YAML, and PyYAML takes ~20 ms to load
    import yaml  # noqa: PLC0415

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.add(rel, line, f"invalid YAML: {problem}")
        return None


def _as_str(value: Any, key: str, rel: str, problems: _Collector) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    problems.add(rel, None, f"'{key}' should be text, not {type(value).__name__}")
    return ""


def _as_str_list(value: Any, key: str, rel: str, problems: _Collector) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.add(rel, None, f"'{key}' should be a list")
        return ()
    items = []
    for item in value:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            items.append(str(item).strip())
        else:
            problems.add(rel, None, f"'{key}' entries should be text")
    return tuple(item for item in items if item)


def _as_date(value: Any, key: str, rel: str, problems: _Collector) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.add(rel, None, f"'{key}' should be a date like 2026-11-27, not {value!r}")
        return None


def _as_int(value: Any, key: str, rel: str, problems: _Collector) -> int:
    if value is None:
        return DEFAULT_ORDER
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    problems.add(rel, None, f"'{key}' should be a whole number, not {value!r}")
    return DEFAULT_ORDER


def _parse_source(value: Any, rel: str, problems: _Collector) -> Source | None:
    if isinstance(value, str) and value.strip():
        return Source(title=value.strip())
    if not isinstance(value, dict):
        problems.add(rel, None, "each source should be a mapping with at least a 'title'")
        return None
    title = _as_str(value.get("title"), "source title", rel, problems)
    if not title:
        problems.add(rel, None, "a source has no 'title'")
        return None
    year = value.get("year")
    return Source(
        title=title,
        publisher=_as_str(value.get("publisher"), "source publisher", rel, problems),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        url=_as_str(value.get("url"), "source url", rel, problems),
        doi=_as_str(value.get("doi"), "source doi", rel, problems),
    )


def _humanise(stem: str) -> str:
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or stem


def _plain_heading(text: str) -> str:
    return _INLINE_MARKUP.sub(lambda m: m.group(1) or "", text).strip()


def _scan_body(body: str) -> tuple[tuple[Heading, ...], list[tuple[int, str, str]], list[int]]:
    """Headings, links ``(line, kind, target)`` and raw-HTML lines of a Markdown body."""
    headings: list[Heading] = []
    links: list[tuple[int, str, str]] = []
    html_lines: list[int] = []
    seen: dict[str, int] = {}
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            text = _plain_heading(heading.group(2))
            anchor = slugify(text)
            if anchor in seen:
                seen[anchor] += 1
                anchor = f"{anchor}_{seen[anchor]}"
            else:
                seen[anchor] = 0
            headings.append(Heading(len(heading.group(1)), text, anchor))
        stripped = re.sub(r"`[^`]*`", "", line)
        for match in _INLINE_LINK.finditer(stripped):
            links.append((number, "image" if match.group(1) else "link", match.group(2)))
        if _RAW_HTML.search(stripped):
            html_lines.append(number)
    return tuple(headings), links, html_lines


def _parse_article(path: Path, root: Path, problems: _Collector) -> Article:
    rel = path.relative_to(root).as_posix()
    article_id = path.relative_to(root / ARTICLES_DIR).with_suffix("").as_posix()
    section_id = article_id.rpartition("/")[0]
    fallback_title = _humanise(path.stem)
    text = _read_text(path, rel, problems)
    if text is None:
        return Article(
            article_id, rel, fallback_title, section_id,
            error="This article could not be read: its file is missing, unreadable or not "
            "saved as UTF-8 text.",
        )
    meta: Any = {}
    body, body_line = text, 1
    if text.startswith("---"):
        end = _FRONT_MATTER_END.search(text, 3)
        if end is None:
            problems.add(rel, 1, "front matter starts with '---' but never ends with '---'")
            return Article(article_id, rel, fallback_title, section_id,
                           error="This article's details block (front matter) is not closed.")
        header = text[3 : end.start()]
        body = text[end.end() :].lstrip("\n")
        body_line = text[: len(text) - len(body)].count("\n") + 1
        meta = _load_yaml(header, rel, 1, problems)
        if meta is None and header.strip():
            return Article(article_id, rel, fallback_title, section_id,
                           error="This article's details block (front matter) is not valid "
                           "YAML.")
        meta = meta or {}
        if not isinstance(meta, dict):
            problems.add(rel, 2, "front matter should be a mapping of 'key: value' lines")
            meta = {}
    else:
        problems.add(rel, 1, "no front matter: start the file with a '---' block")
    for key in ("title", "summary", "last_reviewed", "status", "sources"):
        if not meta.get(key):
            problems.add(rel, 1, f"missing required front matter '{key}'")
    status = _as_str(meta.get("status"), "status", rel, problems) or "draft"
    reviewed_by = _as_str(meta.get("reviewed_by"), "reviewed_by", rel, problems)
    if status not in {"draft", "reviewed"}:
        problems.add(rel, None, f"unknown status {status!r}: use 'draft' or 'reviewed'")
        status = "draft"
    if status == "reviewed" and not reviewed_by:
        problems.add(rel, None,
                     "status is 'reviewed' but 'reviewed_by' names no one; shown as draft")
        status = "draft"
    raw_sources = meta.get("sources") or []
    if not isinstance(raw_sources, list):
        problems.add(rel, None, "'sources' should be a list")
        raw_sources = []
    sources = tuple(
        s for s in (_parse_source(item, rel, problems) for item in raw_sources) if s is not None
    )
    headings, _links, _html = _scan_body(body)
    return Article(
        id=article_id,
        path=rel,
        title=_as_str(meta.get("title"), "title", rel, problems) or fallback_title,
        section_id=section_id,
        summary=_as_str(meta.get("summary"), "summary", rel, problems),
        order=_as_int(meta.get("order"), "order", rel, problems),
        status=status,
        last_reviewed=_as_date(meta.get("last_reviewed"), "last_reviewed", rel, problems),
        next_review=_as_date(meta.get("next_review"), "next_review", rel, problems),
        reviewed_by=reviewed_by,
        evidence=_as_str(meta.get("evidence"), "evidence", rel, problems),
        sources=sources,
        related=_as_str_list(meta.get("related"), "related", rel, problems),
        facts=_as_str_list(meta.get("facts"), "facts", rel, problems),
        tags=_as_str_list(meta.get("tags"), "tags", rel, problems),
        also_called=_as_str_list(meta.get("also_called"), "also_called", rel, problems),
        body=body,
        body_line=body_line,
        headings=headings,
    )


def _sort_key(node: Section | Article) -> tuple[int, str]:
    return node.order, node.title.casefold()


def _load_section(folder: Path, root: Path, problems: _Collector,
                  articles: dict[str, Article]) -> Section:
    articles_root = root / ARTICLES_DIR
    section_id = "" if folder == articles_root else folder.relative_to(articles_root).as_posix()
    title, order = _humanise(folder.name), DEFAULT_ORDER
    meta_path = folder / SECTION_FILE
    if meta_path.is_file():
        rel = meta_path.relative_to(root).as_posix()
        text = _read_text(meta_path, rel, problems)
        meta = _load_yaml(text, rel, 1, problems) if text is not None else None
        if isinstance(meta, dict):
            title = _as_str(meta.get("title"), "title", rel, problems) or title
            order = _as_int(meta.get("order"), "order", rel, problems)
        elif meta is not None:
            problems.add(rel, 1, "should be a mapping with 'title' and 'order'")
    children: list[Section | Article] = []
    real_root = root.resolve()
    for entry in sorted(folder.iterdir()):
        rel = entry.relative_to(root).as_posix()
        if entry.name.startswith((".", "_")):
            continue
        if not entry.resolve().is_relative_to(real_root):
            problems.add(rel, None, "links to a file outside the pack; ignored")
            continue
        if entry.is_dir():
            section = _load_section(entry, root, problems, articles)
            if section.children:
                children.append(section)
        elif entry.suffix == ".md":
            article = _parse_article(entry, root, problems)
            articles[article.id] = article
            children.append(article)
    return Section(section_id, title, order, tuple(sorted(children, key=_sort_key)))


def _check_links(pack_root: Path, articles: Mapping[str, Article], problems: _Collector) -> None:
    for article in articles.values():
        if article.error:
            continue
        _headings, links, html_lines = _scan_body(article.body)
        offset = article.body_line - 1
        for line, kind, target in links:
            where = line + offset
            if kind == "image":
                _check_image(pack_root, article, target, where, problems)
            elif target.startswith("#"):
                if target[1:] not in {h.anchor for h in article.headings}:
                    problems.add(article.path, where, f"no heading '{target}' in this article",
                                 "warning")
            elif not is_external(target) and ":" not in target.split("/")[0]:
                _check_article_link(articles, article, target, where, problems)
        for line in html_lines:
            problems.add(article.path, line + offset,
                         "raw HTML will be sanitised (unsafe tags and attributes removed)",
                         "warning")
        for related in article.related:
            if related not in articles:
                problems.add(article.path, None, f"related article '{related}' does not exist")


def _check_article_link(articles: Mapping[str, Article], article: Article, target: str,
                        line: int, problems: _Collector) -> None:
    resolved = article_link_target(article.id, target)
    if resolved is None:
        problems.add(article.path, line,
                     f"link '{target}' is not a relative link to a .md article in the pack")
        return
    target_id, fragment = resolved
    target_article = articles.get(target_id)
    if target_article is None:
        problems.add(article.path, line, f"link to unknown article '{target}'")
    elif fragment and not target_article.error and fragment not in {
        h.anchor for h in target_article.headings
    }:
        problems.add(article.path, line, f"no heading '#{fragment}' in '{target_id}'", "warning")


def _check_image(pack_root: Path, article: Article, target: str, line: int,
                 problems: _Collector) -> None:
    if is_external(target) or target.startswith("//"):
        problems.add(article.path, line, f"remote image '{target}' will not be loaded")
        return
    path, _fragment = split_fragment(target)
    resolved = resolve_relative(article.id, path)
    try:
        if resolved is None:
            raise UnsafePathError(target)
        file = resolve_inside(pack_root, f"{ARTICLES_DIR}/{resolved}")
    except UnsafePathError:
        problems.add(article.path, line, f"image '{target}' is outside the pack")
        return
    if not file.is_file():
        problems.add(article.path, line, f"image '{target}' does not exist")


def _load_facts(root: Path, name: str, articles: Mapping[str, Article],
                problems: _Collector) -> tuple[Fact, ...]:
    path = root / name
    if not path.is_file():
        problems.add(name, None, "facts file not found; the sidebar shows no 'Did you know?'",
                     "warning")
        return ()
    text = _read_text(path, name, problems)
    data = _load_yaml(text, name, 1, problems) if text is not None else None
    entries = data.get("facts") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        if data is not None:
            problems.add(name, 1, "should hold a 'facts:' list")
        return ()
    facts = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("text"):
            problems.add(name, None, f"fact {number} has no 'text'")
            continue
        source = _parse_source(entry["source"], name, problems) if entry.get("source") else None
        if source is None:
            problems.add(name, None, f"fact {number} has no source")
        linked = _as_str_list(entry.get("articles"), "articles", name, problems)
        for article_id in linked:
            if article_id not in articles:
                problems.add(name, None, f"fact {number} names unknown article '{article_id}'")
        facts.append(Fact(_as_str(entry["text"], "text", name, problems), source, linked))
    return tuple(facts)


def _load_manifest(root: Path) -> dict[str, Any]:
    if not root.exists():
        raise PackError(f"content pack folder not found: {root}")
    if not root.is_dir():
        raise PackError(f"content pack is not a folder: {root}")
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise PackError(f"{root} is not a content pack: it has no {MANIFEST}")
    collector = _Collector()
    text = _read_text(manifest, MANIFEST, collector)
    data = _load_yaml(text, MANIFEST, 1, collector) if text is not None else None
    if collector.problems:
        first = collector.problems[0]
        where = f"{root / MANIFEST}:{first.line}" if first.line else str(root / MANIFEST)
        raise PackError(f"{where}: {first.message}")
    if not isinstance(data, dict):
        raise PackError(f"{root / MANIFEST}: should be a mapping of 'key: value' lines")
    return data


def load_pack(root: Path) -> Pack:
    """Load the pack at ``root``. Raises :class:`PackError` only when it is unusable."""
    manifest = _load_manifest(root)
    problems = _Collector()
    articles_dir = root / ARTICLES_DIR
    articles: dict[str, Article] = {}
    try:
        tree = _load_section(articles_dir, root, problems, articles)
    except OSError as exc:
        raise PackError(f"cannot read articles in {articles_dir}: {exc.strerror or exc}") from exc
    if not articles:
        raise PackError(f"{root} has no articles: add Markdown files under {ARTICLES_DIR}/")
    _check_links(root, articles, problems)

    def text(key: str) -> str:
        return _as_str(manifest.get(key), key, MANIFEST, problems)

    home = text("home")
    if home not in articles:
        first = next(n for n in tree.walk() if isinstance(n, Article))
        problems.add(MANIFEST, None, f"home article '{home}' does not exist; using '{first.id}'")
        home = first.id
    disclaimer = _load_disclaimer(root, manifest.get("disclaimer"), problems)
    facts_name = text("facts") or DEFAULT_FACTS_FILE
    return Pack(
        root=root,
        title=text("title") or _humanise(root.name),
        publisher=text("publisher"),
        language=text("language") or "en",
        home=home,
        contact=text("contact"),
        accent=_accent(text("accent"), problems),
        disclaimer=disclaimer,
        tree=tree,
        articles=MappingProxyType(articles),
        facts=_load_facts(root, facts_name, articles, problems),
        problems=tuple(problems.problems),
    )


def _accent(value: str, problems: _Collector) -> str:
    if not value:
        return "#2f6f8f"
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value
    problems.add(MANIFEST, None, f"accent {value!r} should be a colour like #2f6f8f", "warning")
    return "#2f6f8f"


def _load_disclaimer(root: Path, spec: Any, problems: _Collector) -> Disclaimer:
    if not isinstance(spec, dict) or not spec.get("file"):
        problems.add(MANIFEST, None, "no 'disclaimer: {file, version}'; a generic one is shown")
        return Disclaimer(FALLBACK_DISCLAIMER, "fallback")
    version = _as_str(spec.get("version"), "disclaimer version", MANIFEST, problems) or "1"
    name = str(spec["file"])
    try:
        path = resolve_inside(root, name)
    except UnsafePathError as exc:
        problems.add(MANIFEST, None, f"disclaimer: {exc}")
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    if not path.is_file():
        problems.add(name, None, "disclaimer file not found; a generic one is shown")
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    text = _read_text(path, name, problems)
    if not text or not text.strip():
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    return Disclaimer(text, version)
