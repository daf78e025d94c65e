"""Inline syntax GitHub reads and Python-Markdown does not: backslash breaks, ``~strike~``.

Python-Markdown breaks a line only at two trailing spaces, which editors strip; text pasted
from GitHub ends its lines with a backslash instead. GitHub also strikes text through between
single tildes (``pymdownx.tilde`` does the double ones); like GitHub, a tilde with a space
on its inner side never opens or closes one, so "~20 to ~30 mg" stays as written.
"""

from __future__ import annotations

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor

BACKSLASH_BREAK = r"\\\n"
SINGLE_TILDE = r"(?<![~\w])(~)(?![~\s])(.+?)(?<![~\s\\])~(?![~\w])"


class InlineExtension(Extension):
    """Python-Markdown extension registered as ``guide_inline``."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # before backslash escapes (180), which would otherwise keep the backslash
        md.inlinePatterns.register(SubstituteTagInlineProcessor(BACKSLASH_BREAK, "br"),
                                   "guide_backslash_break", 185)
        # after ~~double~~ tildes (pymdownx.tilde's "delimiter", 60)
        md.inlinePatterns.register(SimpleTagInlineProcessor(SINGLE_TILDE, "del"),
                                   "guide_single_tilde", 59)


def makeExtension(**kwargs: object) -> InlineExtension:
    """Entry point for ``markdown.Markdown(extensions=["guide.markdown_inline"])``."""
    return InlineExtension(**kwargs)
