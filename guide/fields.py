"""Reading pack files: text and YAML, typed values, and problems collected at their lines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from guide.links import is_external
from guide.model import DEFAULT_ORDER, Problem, Severity, Source
from guide.readability import MAX_READING_GRADE, grade_above_limit
from guide.sanitise import keeps_address

_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


class Collector:
    """Accumulates the problems of one pack."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int | None, message: str, severity: Severity = "error") -> None:
        """Record a problem."""
        self.problems.append(Problem(path, line, message, severity))

    def check_reading_level(self, path: str, line: int | None, text: str, what: str = "") -> None:
        """Warn when ``text`` (the body, or ``what``: "the summary"...) is hard to read."""
        grade = grade_above_limit(text)
        if grade is not None:
            of = f" of {what}" if what else ""
            self.add(path, line, f"reading grade {grade:.1f}{of} is above "
                     f"{MAX_READING_GRADE:.0f} (Flesch-Kincaid): use shorter sentences and "
                     "everyday words", "warning")

    def check_source(self, path: str, line: int | None, source: Source) -> None:
        """Report an address the guide cannot open; warn when a reader could not find ``source``.

        A reader can find a source by its address, or by its publisher and year.
        """
        if source.url and not (is_external(source.url) and keeps_address(source.url)):
            self.add(path, line, f"source address '{source.url}' cannot be opened by the guide: "
                     "give a web address starting with https://")
        if source.url or source.doi or (source.publisher and source.year):
            return
        title = source.title if len(source.title) <= 60 else source.title[:57] + "..."
        self.add(path, line, f"source '{title}' cannot be traced: give its url or doi, or its "
                 "publisher and year", "warning")


def read_text(path: Path, rel: str, problems: Collector) -> str | None:
    """A UTF-8 file's text, or ``None`` with a problem (unreadable, not UTF-8)."""
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


def load_yaml(text: str, rel: str, first_line: int, problems: Collector) -> Any:
    """Parsed YAML, or ``None`` with a problem at the line where parsing failed."""
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
    except (ValueError, OverflowError) as exc:  # e.g. a date like 2026-02-30
        problems.add(rel, first_line, f"invalid YAML value: {exc}")
        return None


def item_lines(text: str, key: str) -> list[int]:
    """The line of each item of the list under the top-level ``key`` (or of a top-level list).

    Read from the YAML parser's own positions, so nested lists, flow style (``[a, b]``) and
    keys in any order never shift them; empty when the text holds no such list.
    """
    import yaml  # noqa: PLC0415 - see load_yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return []
    if isinstance(node, yaml.MappingNode):
        node = next((value for name, value in node.value
                     if isinstance(name, yaml.ScalarNode) and name.value == key), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


class Fields:
    """Typed access to a YAML mapping; wrong types become problems at the key's line."""

    def __init__(self, data: dict[str, Any], rel: str, problems: Collector,
                 text: str = "", first_line: int = 1) -> None:
        self.data = data
        self.rel = rel
        self.problems = problems
        self.lines: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=first_line):
            match = _KEY_LINE.match(line)
            if match:
                self.lines.setdefault(match.group(1), number)

    def line(self, key: str) -> int | None:
        """Line of ``key`` in the file, if known."""
        return self.lines.get(key)

    def add(self, key: str, message: str, severity: Severity = "error") -> None:
        """Record a problem at ``key``'s line."""
        self.problems.add(self.rel, self.line(key), message, severity)

    def text(self, key: str, value: Any = None) -> str:
        """Text value (numbers are accepted and turned into text)."""
        value = self.data.get(key) if value is None else value
        if value is None:
            return ""
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return str(value).strip()
        self.add(key, f"'{key}' should be text, not {type(value).__name__}")
        return ""

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of texts (a single text is accepted as a list of one)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(key, f"'{key}' should be a list")
            return ()
        items = []
        for item in value:
            if isinstance(item, str | int | float) and not isinstance(item, bool):
                items.append(str(item).strip())
            else:
                self.add(key, f"'{key}' entries should be text")
        return tuple(item for item in items if item)

    def date(self, key: str) -> dt.date | None:
        """A date written as 2026-11-27."""
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.add(key, f"'{key}' should be a date like 2026-11-27, not {value!r}")
            return None

    def integer(self, key: str, default: int = DEFAULT_ORDER) -> int:
        """A whole number."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.add(key, f"'{key}' should be a whole number, not {value!r}")
        return default

    def sources(self, key: str = "sources") -> tuple[Source, ...]:
        """A list of sources, each needing at least a title."""
        raw = self.data.get(key) or []
        if not isinstance(raw, list):
            self.add(key, f"'{key}' should be a list")
            return ()
        found = []
        for item in raw:
            source = self.source(item, key)
            if source is not None:
                found.append(source)
        return tuple(found)

    def source(self, value: Any, key: str) -> Source | None:
        """One source: a mapping with title, publisher, year, url, doi."""
        if isinstance(value, str) and value.strip():
            return Source(title=value.strip())
        if not isinstance(value, dict):
            self.add(key, "each source should be a mapping with at least a 'title'")
            return None
        item = Fields(value, self.rel, self.problems)
        item.lines = {k: self.line(key) or 1 for k in value}
        title = item.text("title")
        if not title:
            self.add(key, "a source has no 'title'")
            return None
        year = value.get("year")
        return Source(
            title=title,
            publisher=item.text("publisher"),
            year=year if isinstance(year, int) and not isinstance(year, bool) else None,
            url=item.text("url"),
            doi=item.text("doi"),
        )
