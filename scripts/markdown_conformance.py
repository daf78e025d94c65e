"""Compare how the app renders Markdown with how GitHub (cmark-gfm) renders it.

Usage: python scripts/markdown_conformance.py [--spec FILE] [--no-spec] [--show-differences]

Two sets of inputs are rendered by cmark-gfm (with GitHub's extensions: tables,
strikethrough, autolinks, task lists, tag filter, footnotes) and by the app, then compared
*in structure*: the same elements in the same nesting with the same words, ordered-list
starts, table-cell alignment and task-box states; attribute values such as ids, classes,
link targets and whitespace inside a line are not compared (see :func:`structure`).

- the author cases in ``tests/corpus/authors/`` (what volunteers write or paste);
- the CommonMark spec examples, from ``--spec FILE`` (the ``spec.txt`` of the CommonMark
  spec); without it the script looks in its cache folder and, if npm is there, fetches the
  ``commonmark-spec`` package once with ``npm pack``. ``--no-spec`` skips them.

Each is measured twice: for the *dialect* (the renderer's configured ``markdown.Markdown``
alone) and for the *full pipeline* (:meth:`guide.render.Renderer.markdown_to_html`: links
rewritten, sanitised, as the reader sees it; the app's own decorations, such as the arrow
after a web link, are left out of the comparison).

Needs ``cmarkgfm`` (installed by the ``test`` extra).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AUTHOR_CASES = ROOT / "tests" / "corpus" / "authors"
SPEC_PACKAGE = "commonmark-spec@0.31.2"
AUTHOR_TARGET = 52
"""Author cases that must render the same as GitHub (of 56)."""

_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_BLOCK = frozenset({"address", "blockquote", "body", "dd", "details", "div", "dl", "dt",
                    "footnotes", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p",
                    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
                    "thead", "tr", "ul"})
_SAME_TAG = {"s": "del", "strike": "del", "b": "strong", "i": "em"}
_KEPT_ATTRIBUTES = {"ol": ("start",), "th": ("align",), "td": ("align",)}


@dataclass
class Node:
    """One element of a normalised document tree; text is a child string."""

    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    children: list[Node | str] = field(default_factory=list)

    def render(self) -> str:
        """A compact, readable form for diffs."""
        inner = "".join(c.render() if isinstance(c, Node) else c for c in self.children)
        attributes = "".join(f" {k}={v}" for k, v in self.attributes)
        return f"<{self.tag}{attributes}>{inner}</{self.tag}>"


class _TreeBuilder(HTMLParser):
    """HTML to :class:`Node` trees, forgiving about missing end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, tuple((k, v or "") for k, v in attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, tuple((k, v or "") for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _classes(node: Node) -> set[str]:
    return set(dict(node.attributes).get("class", "").split())


def _alignment(node: Node) -> str:
    values = dict(node.attributes)
    if values.get("align"):
        return values["align"]
    match = re.search(r"text-align:\s*(\w+)", values.get("style", ""))
    return match.group(1) if match else ""


def _normalise(node: Node, in_pre: bool = False) -> list[Node | str]:
    """The comparable form of ``node``: a list, as some nodes unwrap into their children."""
    classes = _classes(node)
    tag = _SAME_TAG.get(node.tag, node.tag)
    values = dict(node.attributes)
    # left out: the app's decorations, anchors, footnote back-links and task-box wrappers
    if classes & {"external-mark", "footnote-backref", "task-list-indicator",
                  "broken-note"} or (tag == "a" and not node.children and "href" not in values):
        return []
    if tag == "hr" and "footnote" in classes:
        return []
    if tag == "input" and values.get("type") == "checkbox":
        return ["[x] " if "checked" in values else "[ ] "]
    if "task" in classes:  # the app's task box, a character
        return ["[x] " if "task-done" in classes else "[ ] "]
    children: list[Node | str] = []
    for child in node.children:
        if isinstance(child, Node):
            children.extend(_normalise(child, in_pre or tag == "pre"))
        else:
            children.append(child)
    if tag in {"label", "span", "abbr", "root"} or (tag == "a" and "term" in classes):
        return children  # inline wrappers with no structure of their own
    if "footnotes" in classes or "footnote" in classes:
        tag, children = "footnotes", [c for c in children
                                      if not (isinstance(c, Node) and c.tag == "hr")]
    kept = tuple((name, values[name]) for name in _KEPT_ATTRIBUTES.get(tag, ())
                 if values.get(name) and not (name == "start" and values[name] == "1"))
    if tag in {"th", "td"} and _alignment(node):
        kept = (("align", _alignment(node)),)
    return [Node(tag, kept, _tidy_text(children, tag, in_pre))]


def _tidy_text(children: list[Node | str], tag: str, in_pre: bool) -> list[Node | str]:
    """Join adjacent strings, collapse whitespace, trim it at block edges."""
    merged: list[Node | str] = []
    for child in children:
        if isinstance(child, str) and merged and isinstance(merged[-1], str):
            merged[-1] += child
        else:
            merged.append(child)
    tidy: list[Node | str] = []
    for index, child in enumerate(merged):
        if isinstance(child, Node):
            tidy.append(child)
            continue
        text = child if in_pre or tag == "pre" else re.sub(r"\s+", " ", child)
        if tag == "code" and in_pre:
            text = text.rstrip("\n")
        before = merged[index - 1] if index else None
        after = merged[index + 1] if index + 1 < len(merged) else None
        if tag in _BLOCK or tag == "root":
            if before is None or (isinstance(before, Node) and before.tag in _BLOCK):
                text = text.lstrip()
            if after is None or (isinstance(after, Node) and after.tag in _BLOCK):
                text = text.rstrip()
        if text:
            tidy.append(text)
    return tidy


def structure(html: str) -> str:
    """The normalised structure of an HTML fragment, as one comparable string."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    nodes = _tidy_text(_normalise(builder.root), "root", in_pre=False)
    return "".join(n.render() if isinstance(n, Node) else n for n in nodes)


# -- converters -------------------------------------------------------------------------------

def github(text: str) -> str:
    """cmark-gfm's HTML, as GitHub renders a README (before its own sanitiser)."""
    import cmarkgfm  # type: ignore[import-untyped]  # noqa: PLC0415 - a test dependency
    from cmarkgfm.cmark import Options  # type: ignore[import-untyped]  # noqa: PLC0415

    return str(cmarkgfm.github_flavored_markdown_to_html(
        text, Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES))


def app_converters(pack_root: Path) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """The dialect alone and the full pipeline, for a small pack at ``pack_root``."""
    from guide.content import load_pack  # noqa: PLC0415
    from guide.list_markers import unmarked  # noqa: PLC0415
    from guide.render import Renderer  # noqa: PLC0415

    renderer = Renderer(load_pack(pack_root))
    dialect = _dialect_converter()

    def pipeline(text: str) -> str:
        # list markers written into the text for screen readers are not structure
        html = renderer.markdown_to_html(text, "cases/case")
        return unmarked(html)

    return dialect, pipeline


def _dialect_converter() -> Callable[[str], str]:
    try:
        from guide.markdown_dialect import new_markdown  # noqa: PLC0415
    except ImportError:  # before the dialect had a module of its own: the renderer's list
        import markdown  # noqa: PLC0415
        from markdown.extensions.toc import TocExtension  # noqa: PLC0415

        md = markdown.Markdown(extensions=["tables", "sane_lists", "admonition",
                                           TocExtension(toc_depth="2-3")])
    else:
        md = new_markdown()

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)

    return convert


def write_case_pack(root: Path) -> Path:
    """A one-article pack for the pipeline, with the pictures the author cases show."""
    (root / "articles" / "cases" / "images").mkdir(parents=True)
    (root / "guide.yml").write_text("title: Cases\nhome: cases/case\n", encoding="utf-8")
    (root / "articles" / "cases" / "case.md").write_text(
        "---\ntitle: Case\n---\n\nText.\n", encoding="utf-8")
    (root / "articles" / "cases" / "images" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for name in ("notes/my notes.md", "plan B.md"):  # the targets of links with spaces
        (root / "articles" / "cases" / name).parent.mkdir(exist_ok=True)
        (root / "articles" / "cases" / name).write_text("---\ntitle: Linked\n---\n",
                                                       encoding="utf-8")
    return root


# -- inputs ------------------------------------------------------------------------------------

def author_cases() -> list[tuple[str, str]]:
    """``(name, markdown)`` of every author case."""
    return [(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(AUTHOR_CASES.glob("*.md"))]


def spec_examples(spec: Path) -> Iterator[tuple[str, str]]:
    """``(number and section, markdown)`` of every example in a CommonMark ``spec.txt``."""
    section = ""
    number = 0
    lines = spec.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line.startswith("```````````````````````````````` example"):
            number += 1
            body: list[str] = []
            index += 1
            while lines[index] != ".":
                body.append(lines[index])
                index += 1
            yield f"{number} ({section})", "\n".join(body).replace("\u2192", "\t") + "\n"
            while not lines[index].startswith("````````````````````````````````"):
                index += 1
        index += 1


def find_spec(given: Path | None) -> Path | None:
    """The spec file given, cached, or fetched once with npm; ``None`` if there is none."""
    if given is not None:
        return given
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    cached = cache / "health-guide-dev" / SPEC_PACKAGE.replace("@", "-") / "spec.txt"
    if cached.is_file():
        return cached
    npm = shutil.which("npm")
    if npm is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run([npm, "pack", SPEC_PACKAGE, "--silent"], cwd=folder,
                                capture_output=True, text=True, check=False, timeout=300)
        if result.returncode != 0:
            return None
        archive = next(Path(folder).glob("*.tgz"))
        with tarfile.open(archive) as tar:
            member = tar.extractfile("package/spec.txt")
            if member is None:
                return None
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(member.read())
    return cached


# -- measuring ---------------------------------------------------------------------------------

@dataclass
class Tally:
    """How many inputs rendered the same as GitHub, and which did not."""

    total: int = 0
    same: int = 0
    different: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, name: str, expected: str, got: str) -> None:
        """Count one comparison."""
        self.total += 1
        if expected == got:
            self.same += 1
        else:
            self.different.append((name, expected, got))


def compare(inputs: list[tuple[str, str]], convert: Callable[[str], str]) -> Tally:
    """Render every input both ways and compare the structures."""
    tally = Tally()
    for name, text in inputs:
        try:
            got = structure(convert(text))
        except Exception as exc:  # noqa: BLE001 - a crash is a difference, reported as such
            got = f"crashed: {exc!r}"
        tally.add(name, structure(github(text)), got)
    return tally


def main() -> int:
    """Run the comparisons and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=None, help="CommonMark spec.txt")
    parser.add_argument("--no-spec", action="store_true", help="only the author cases")
    parser.add_argument("--show-differences", action="store_true",
                        help="print GitHub's and the app's structure of each difference")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        dialect, pipeline = app_converters(write_case_pack(Path(folder) / "pack"))
        runs = [("author cases", author_cases())]
        spec = None if args.no_spec else find_spec(args.spec)
        if spec is not None:
            runs.append((f"CommonMark spec ({spec.parent.name})", list(spec_examples(spec))))
        elif not args.no_spec:
            print("CommonMark spec: not found (give --spec FILE, or install npm)")
        for title, inputs in runs:
            for label, convert in (("dialect", dialect), ("full pipeline", pipeline)):
                tally = compare(inputs, convert)
                print(f"{title}, {label}: {tally.same} of {tally.total} the same as GitHub")
                if args.show_differences or title == "author cases":
                    for name, expected, got in tally.different:
                        print(f"  differs: {name}")
                        if args.show_differences:
                            print(f"    GitHub: {expected}\n    app:    {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
