"""Lists as GitHub reads them: 2-, 3- and 4-space sub-lists, ``1)`` numbers, no blank line.

Python-Markdown nests a list only when it is indented by four spaces and starts a list only
after a blank line; CommonMark (and so GitHub, VS Code and Prettier) nests by the column where
the parent item's text starts, and lets a list start straight after a sentence. Rather than a
parser of our own, a preprocessor rewrites list indentation into Python-Markdown's four-space
grammar, so its own list processors do the rest (a paragraph is split where a list starts by
:mod:`guide.markdown_blocks`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneOListProcessor, SaneUListProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

MARKER = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[*+-]|(?P<number>\d{1,9})[.)])"
                    r"(?P<space>[ ]+|$)(?P<rest>.*)$")
"""A list item's first line: indentation, marker, the spaces after it and its text."""
_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$")
_PM_INDENT = 4
"""Python-Markdown's indentation of one list level."""


def starts_item(line: str, after_paragraph: bool) -> bool:
    """Whether ``line`` starts a list item (after paragraph text, if ``after_paragraph``).

    CommonMark lets a bullet or a list numbered from 1 interrupt a paragraph, but not an
    empty item nor one numbered otherwise (a line "2019. It grew." goes on a sentence).
    """
    match = MARKER.match(line)
    if match is None or _RULE.match(line) or len(match.group("indent")) > 3:
        return False
    if not after_paragraph:
        return True
    number = match.group("number")
    return bool(match.group("rest").strip()) and (number is None or int(number) == 1)


@dataclass
class _Item:
    source_column: int
    """Where the item's text starts in the source."""
    column: int
    """Where it starts once rewritten for Python-Markdown."""


class ListIndentPreprocessor(Preprocessor):
    """Rewrites list indentation by CommonMark's rule into Python-Markdown's four spaces."""

    def run(self, lines: list[str]) -> list[str]:
        """The lines with every list level indented by four spaces."""
        out: list[str] = []
        stack: list[_Item] = []
        after_text = False  # the previous line was paragraph text (so a lazy line may follow)
        fence = ""
        shift = 0
        for line in lines:
            if fence:  # a fenced block moves with the item that holds it
                out.append(_reindent(line, shift))
                if _closes(line, fence):
                    fence, after_text = "", False
                continue
            if not line.strip():
                out.append(line)
                after_text = False
                continue
            indent = len(line) - len(line.lstrip(" "))
            lazy = after_text and not starts_item(line, after_paragraph=False)
            in_list = bool(stack)
            while stack and indent < stack[-1].source_column and not lazy:
                stack.pop()
            parent = stack[-1].source_column if stack else 0
            match = MARKER.match(line)
            if match and 0 <= indent - parent < _PM_INDENT and starts_item(
                    line[parent:], after_paragraph=after_text and not in_list):
                width = len(match.group("marker"))
                spaces = len(match.group("space"))
                if spaces > _PM_INDENT or not match.group("rest"):
                    spaces = 1  # the text is indented code, or the item is empty
                column = stack[-1].column if stack else 0
                out.append(" " * column + line[indent:])
                stack.append(_Item(indent + width + spaces, column + _PM_INDENT))
                after_text = True
                continue
            shift = 0
            if stack and indent >= stack[-1].source_column:
                shift = stack[-1].column - stack[-1].source_column
            out.append(_reindent(line, shift))
            fenced = _FENCE.match(line)
            fence = fenced.group("fence") if fenced else ""
            after_text = not fence
        return out


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _wrap_leading_text(item: ET.Element) -> None:
    """Put a tight item's text (up to its first block, e.g. a sub-list) into a paragraph."""
    text = (item.text or "").strip()
    if not text:
        return
    paragraph = ET.Element("p")
    paragraph.text, item.text = text, ""
    item.insert(0, paragraph)


def _reindent(line: str, shift: int) -> str:
    indent = len(line) - len(line.lstrip(" "))
    return " " * max(0, indent + shift) + line[indent:]


class OrderedListProcessor(SaneOListProcessor):
    """Numbered lists written ``1.`` or ``1)``."""

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)
        self.RE = re.compile(r"^[ ]{0,3}\d+[.)][ ]+(.*)")
        self.CHILD_RE = re.compile(r"^[ ]{0,3}((\d+[.)]))[ ]+(.*)")
        self.INDENT_RE = re.compile(r"^[ ]{4,7}((\d+[.)])|[*+-])[ ]+.*")


class LooseListProcessor(Treeprocessor):
    """Makes every item of a loose list a paragraph, as CommonMark does for the whole list.

    Python-Markdown decides item by item, so a list whose second item follows a blank line
    shows its first item closer than the others.
    """

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag not in {"ul", "ol"}:
                continue
            items = [item for item in element if item.tag == "li"]
            if not any(child.tag == "p" for item in items for child in item):
                continue
            for item in items:
                _wrap_leading_text(item)

class ListsExtension(Extension):
    """Python-Markdown extension registered as ``guide_lists``."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # after tabs are expanded (30), before fences are stashed (25): a fence inside an
        # item moves with it
        md.preprocessors.register(ListIndentPreprocessor(md), "guide_list_indent", 26)
        md.parser.blockprocessors.register(OrderedListProcessor(md.parser), "olist", 40)
        md.parser.blockprocessors.register(SaneUListProcessor(md.parser), "ulist", 30)
        # before inline markup (20), while an item's text is still one string
        md.treeprocessors.register(LooseListProcessor(md), "guide_loose_lists", 21)


def makeExtension(**kwargs: object) -> ListsExtension:
    """Entry point for ``markdown.Markdown(extensions=["guide.markdown_lists"])``."""
    return ListsExtension(**kwargs)
