"""Where GitHub ends a paragraph without a blank line: before a list or a fenced block.

Python-Markdown splits a paragraph only at a blank line, a heading, a quote or a rule, so
"Call 999 if:" followed by "- chest pain" on the next line reads as one sentence.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import HTML_PLACEHOLDER

from guide.markdown_lists import starts_item

PLACEHOLDER_LINE = re.compile(
    "^" + re.escape(HTML_PLACEHOLDER).replace("%s", r"\d+") + r"[ ]*$")
"""A line that is only a stashed block (a fenced code block, by the time blocks are read)."""


def _starts_block(lines: list[str], number: int) -> bool:
    line = lines[number]
    return (starts_item(line, after_paragraph=True) or bool(PLACEHOLDER_LINE.match(line))
            or bool(PLACEHOLDER_LINE.match(lines[number - 1])))


class InterruptProcessor(BlockProcessor):
    """Splits a paragraph before a list or a fenced block (and after the fenced block)."""

    def test(self, _parent: ET.Element, block: str) -> bool:
        return self._split_at(block) is not None

    def run(self, _parent: ET.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        split = self._split_at(block)
        assert split is not None
        lines = block.split("\n")
        blocks.insert(0, "\n".join(lines[split:]))
        blocks.insert(0, "\n".join(lines[:split]))
        return True

    @staticmethod
    def _split_at(block: str) -> int | None:
        lines = block.split("\n")
        if starts_item(lines[0], after_paragraph=False):
            return None  # a list: Python-Markdown's list processors read it
        return next((n for n in range(1, len(lines)) if _starts_block(lines, n)), None)


class BlocksExtension(Extension):
    """Python-Markdown extension registered as ``guide_blocks``."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # just before paragraphs (10): only what nothing else claimed is split
        md.parser.blockprocessors.register(InterruptProcessor(md.parser), "guide_interrupt", 11)


def makeExtension(**kwargs: object) -> BlocksExtension:
    """Entry point for ``markdown.Markdown(extensions=["guide.markdown_blocks"])``."""
    return BlocksExtension(**kwargs)
