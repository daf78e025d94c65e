"""Tables as GitHub reads them: after a sentence, ended by the next block, cells aligned.

Python-Markdown's ``tables`` extension builds the table; this subclass only changes where a
table starts and ends: a table may follow a sentence without a blank line, and a heading,
quote, list, fence or rule on the line after a row ends it instead of becoming a row.
Column alignment is written as ``align`` attributes, which QTextBrowser understands.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.util import HTML_PLACEHOLDER

from guide.markdown_lists import starts_item

_DELIMITER_CELL = re.compile(r"^[ ]*:?-+:?[ ]*$")
_STARTS_BLOCK = re.compile(
    r"^[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,}|<[A-Za-z/!?]"
    r"|(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$)"
)
_PLACEHOLDER = re.compile("^" + re.escape(HTML_PLACEHOLDER).replace("%s", r"\d+") + "$")


def ends_table(line: str) -> bool:
    """Whether ``line`` starts another block, so it ends a table instead of adding a row."""
    return (not line.strip() or bool(_STARTS_BLOCK.match(line))
            or starts_item(line, after_paragraph=False) or bool(_PLACEHOLDER.match(line.strip())))


class GitHubTableProcessor(TableProcessor):
    """A table wherever a header row and a delimiter row follow each other in a block."""

    def __init__(self, parser: BlockParser, config: dict[str, Any]) -> None:
        super().__init__(parser, config)
        self._start = 0

    def test(self, parent: ET.Element, block: str) -> bool:
        lines = block.split("\n")
        for start in range(len(lines) - 1):
            if "|" in lines[start] and self._is_delimiter_row(lines[start + 1]) and super().test(
                    parent, "\n".join(lines[start : start + 2])):
                self._start = start
                return True
        return False

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        start = self._start
        end = start + 2
        while end < len(lines) and not ends_table(lines[end]):
            end += 1
        if end < len(lines):
            blocks.insert(0, "\n".join(lines[end:]))
        if start:  # the sentence before the table is a paragraph of its own
            blocks.insert(0, "\n".join(lines[start:end]))
            blocks.insert(0, "\n".join(lines[:start]))
            return
        super().run(parent, ["\n".join(lines[start:end])])
        for cell in parent[-1].iter():  # "\|" is a pipe inside code too, as on GitHub
            if cell.tag in {"th", "td"} and cell.text and "`" in cell.text:
                cell.text = cell.text.replace("\\|", "|")

    @staticmethod
    def _is_delimiter_row(line: str) -> bool:
        cells = line.strip().strip("|").split("|")
        return "-" in line and all(_DELIMITER_CELL.match(cell) for cell in cells)


class TablesExtension(Extension):
    """Python-Markdown extension registered as ``guide_tables``."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        if "|" not in md.ESCAPED_CHARS:
            md.ESCAPED_CHARS.append("|")
        md.parser.blockprocessors.register(
            GitHubTableProcessor(md.parser, {"use_align_attribute": True}), "table", 75)


def makeExtension(**kwargs: object) -> TablesExtension:
    """Entry point for ``markdown.Markdown(extensions=["guide.markdown_tables"])``."""
    return TablesExtension(**kwargs)
