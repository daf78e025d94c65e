"""Link resolution and the link policy: what following a link in an article does."""

from __future__ import annotations

import enum
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from guide.glossary import GLOSSARY_ID

ARTICLE_SCHEME = "article"
"""Scheme of rewritten links between articles: ``article:medicines/tramadol#risks``."""

PACK_SCHEME = "pack"
"""Scheme of files inside the pack (images): ``pack:articles/medicines/images/a.png``."""

FACTS_PAGE = "guide:facts"
"""Location of the generated page listing every quick fact."""

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes of addresses outside the pack that the guide opens (as the link policy allows)."""
PAGE_SCHEMES = EXTERNAL_SCHEMES | {ARTICLE_SCHEME, PACK_SCHEME}
"""Schemes an address on a rendered page may have: all that the sanitiser lets through."""
EXTERNAL_MARK = "\u00a0\u2197"  # a non-breaking space and a north-east arrow after web links

CONTACT_PAGE = "guide:contact"
"""Location of the generated page about the edition: who made it and how to reach them."""
GENERATED_PAGES = frozenset({FACTS_PAGE, CONTACT_PAGE})


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def scheme_of(href: str) -> str:
    """The scheme of ``href`` in lower case (``""`` for a relative address); never raises."""
    match = _SCHEME.match(href)
    return match.group(1).lower() if match else ""


def refused_scheme(href: str) -> str | None:
    """The scheme of an address written in a pack that the guide never opens, else ``None``.

    Authors link to the web, e-mail and phone numbers (:data:`EXTERNAL_SCHEMES`) or write
    relative paths; every other scheme - ``javascript:``, ``file:``, ``ftp:``, ``data:``, a
    drive letter, even the app's own ``article:`` - is shown as text that does not work, and
    ``health-guide check`` reports it.
    """
    scheme = scheme_of(href)
    return scheme if scheme and scheme not in EXTERNAL_SCHEMES else None


def split_fragment(href: str) -> tuple[str, str]:
    """Split ``href`` into its part before ``#`` and the fragment (without ``#``)."""
    path, _, fragment = href.partition("#")
    return path, fragment


def resolve_relative(from_article_id: str, relative: str) -> str | None:
    """Resolve a relative path written in article ``from_article_id``, against ``articles/``.

    Returns the normalised path under ``articles/`` or ``None`` when it is absolute or leaves
    the articles folder.
    """
    relative = unquote(relative)
    if not relative or relative.startswith("/") or "\\" in relative:
        return None
    base = posixpath.dirname(from_article_id)
    joined = posixpath.normpath(posixpath.join(base, relative))
    if joined.startswith("../") or joined in {"..", "."}:
        return None
    return joined


def article_link_target(from_article_id: str, href: str) -> tuple[str, str] | None:
    """Return ``(article_id, fragment)`` for a relative ``.md`` link, else ``None``."""
    if scheme_of(href):
        return None
    path, fragment = split_fragment(href)
    if not path.endswith(".md"):
        return None
    resolved = resolve_relative(from_article_id, path)
    if resolved is None:
        return None
    return resolved.removesuffix(".md"), fragment


def is_external(href: str) -> bool:
    """Whether ``href`` points to the web (or e-mail), outside the pack."""
    return scheme_of(href) in EXTERNAL_SCHEMES


class ExternalLinkPolicy(enum.Enum):
    """What a click on a web link does."""

    OPEN_IN_BROWSER = "open-in-browser"
    """The reader's own browser opens it (a laptop)."""
    SHOW_ADDRESS = "show-address"
    """The address is shown large, with a QR code to scan: nothing opens (a kiosk)."""
    BLOCK = "block"


@dataclass(frozen=True)
class LinkPolicy:
    """How links in an article behave in the running mode (see :mod:`guide.modes`)."""

    external: ExternalLinkPolicy = ExternalLinkPolicy.OPEN_IN_BROWSER
    term_popups: bool = False
    """A glossary term opens its definition in a popup instead of the glossary page."""


class LinkAction(enum.Enum):
    """What the viewer should do for a clicked link."""

    OPEN_LOCATION = "open-location"
    SCROLL_TO_ANCHOR = "scroll-to-anchor"
    OPEN_EXTERNAL = "open-external"
    SHOW_ADDRESS = "show-address"
    SHOW_TERM = "show-term"
    IGNORE = "ignore"


@dataclass(frozen=True)
class LinkDecision:
    """The outcome of :func:`route_link`: an action and its target."""

    action: LinkAction
    target: str = ""
    fragment: str = ""


_EXTERNAL_ACTIONS = {
    ExternalLinkPolicy.OPEN_IN_BROWSER: LinkAction.OPEN_EXTERNAL,
    ExternalLinkPolicy.SHOW_ADDRESS: LinkAction.SHOW_ADDRESS,
    ExternalLinkPolicy.BLOCK: LinkAction.IGNORE,
}


def route_link(href: str, policy: LinkPolicy) -> LinkDecision:
    """Decide what clicking ``href`` (as rendered by :mod:`guide.render`) does.

    This is the single place the link policy lives: internal links open in the app, anchors
    scroll, glossary terms open the glossary (or a popup), web links go to the system browser
    or are shown as an address to scan, as the policy says, and everything else (``file:``,
    ``javascript:``, ``data:``...) is ignored.
    """
    scheme = scheme_of(href)
    if href.startswith("#"):
        return LinkDecision(LinkAction.SCROLL_TO_ANCHOR, fragment=unquote(href[1:]))
    if scheme == ARTICLE_SCHEME:
        path, fragment = split_fragment(href[len(ARTICLE_SCHEME) + 1 :])
        path, fragment = unquote(path), unquote(fragment)
        if policy.term_popups and path == GLOSSARY_ID and fragment:
            return LinkDecision(LinkAction.SHOW_TERM, path, fragment)
        return LinkDecision(LinkAction.OPEN_LOCATION, path, fragment)
    if href in GENERATED_PAGES:
        return LinkDecision(LinkAction.OPEN_LOCATION, href)
    if scheme in EXTERNAL_SCHEMES:
        return LinkDecision(_EXTERNAL_ACTIONS[policy.external], href)
    return LinkDecision(LinkAction.IGNORE, href)


def describe_link(href: str, text: str, policy: LinkPolicy) -> str:
    """What a screen reader should say when the keyboard reaches a link: its kind and text.

    Follows :func:`route_link`, so the words always match what Enter will do.
    """
    text = " ".join(text.replace(EXTERNAL_MARK, "").split())
    decision = route_link(href, policy)
    if decision.action is LinkAction.SCROLL_TO_ANCHOR:
        return f"Link to a heading on this page: {text}"
    if decision.action is LinkAction.SHOW_TERM or (
            decision.action is LinkAction.OPEN_LOCATION and decision.target == GLOSSARY_ID
            and decision.fragment):
        return f"Glossary word: {text}. Press Enter to read what it means"
    if decision.action is LinkAction.OPEN_LOCATION:
        return f"Link: {text}"
    if decision.action is LinkAction.OPEN_EXTERNAL:
        what = "E-mail link" if href.startswith("mailto:") else "Web link"
        return f"{what}, opens your browser: {text}"
    if decision.action is LinkAction.SHOW_ADDRESS:
        return f"Web link, shows its address to scan with your phone: {text}"
    return f"Link that does nothing here: {text}"
