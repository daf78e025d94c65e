"""The Markdown the guide reads: Python-Markdown set up to read as GitHub (cmark-gfm) does.

Python-Markdown and its well-kept extensions do the reading; the ``guide_*`` extensions
change only what GitHub reads differently (see each module). Measured against cmark-gfm by
``scripts/markdown_conformance.py``.
"""

from __future__ import annotations

from typing import Any, TypeVar

import markdown
from markdown.extensions import Extension

from guide.markdown_blocks import BlocksExtension
from guide.markdown_headings import HeadingsExtension
from guide.markdown_html import RawHtmlExtension
from guide.markdown_inline import InlineExtension
from guide.markdown_lists import ListsExtension
from guide.markdown_tables import TablesExtension

LIBRARY_EXTENSIONS: dict[str, dict[str, Any]] = {
    "abbr": {},  # *[A&E]: Accident and emergency
    "admonition": {},  # the guide's own !!! call-outs
    "footnotes": {"BACKLINK_TEXT": "\u21a9", "BACKLINK_TITLE": "Back to the text"},
    "md_in_html": {},  # Markdown inside <details>
    "pymdownx.highlight": {"use_pygments": False},  # code as <pre><code>, no colours
    "pymdownx.superfences": {},  # ``` and ~~~ fences anywhere, also in lists
    "pymdownx.tilde": {"subscript": False},  # ~~strikethrough~~
    "pymdownx.tasklist": {},  # - [ ] and - [x]
    "pymdownx.magiclink": {"hide_protocol": False},  # bare web and e-mail addresses
    "pymdownx.saneheaders": {},  # "#1 cause" is a sentence, "# 1" a heading
}
"""Extensions from Python-Markdown and PyMdown Extensions, with their settings."""

E = TypeVar("E", bound=Extension)


def new_markdown(*extra: Extension) -> markdown.Markdown:
    """A converter for the guide's dialect, with ``extra`` extensions added last."""
    return markdown.Markdown(
        extensions=[*LIBRARY_EXTENSIONS, ListsExtension(), BlocksExtension(), TablesExtension(),
                    InlineExtension(), RawHtmlExtension(), HeadingsExtension(), *extra],
        extension_configs=LIBRARY_EXTENSIONS,
        output_format="html",
    )


def extension(md: markdown.Markdown, kind: type[E]) -> E:
    """The instance of the extension class ``kind`` that ``md`` was built with."""
    found = next((e for e in md.registeredExtensions if isinstance(e, kind)), None)
    if found is None:
        raise LookupError(f"{kind.__name__} is not part of this converter")
    return found
