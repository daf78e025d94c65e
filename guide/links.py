"""Link resolution and the link policy: what following a link in an article does."""

from __future__ import annotations

import enum
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

ARTICLE_SCHEME = "article"
"""Scheme of rewritten links between articles: ``article:medicines/tramadol#risks``."""

PACK_SCHEME = "pack"
"""Scheme of files inside the pack (images): ``pack:articles/medicines/images/a.png``."""

FACTS_PAGE = "guide:facts"
"""Location of the generated page listing every quick fact."""

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})


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
    if urlsplit(href).scheme:
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
    return urlsplit(href).scheme.lower() in EXTERNAL_SCHEMES


class ExternalLinkPolicy(enum.Enum):
    """What a click on a web link does. Desktop opens the system browser; kiosk will differ."""

    OPEN_IN_BROWSER = "open-in-browser"
    BLOCK = "block"


class LinkAction(enum.Enum):
    """What the viewer should do for a clicked link."""

    OPEN_LOCATION = "open-location"
    SCROLL_TO_ANCHOR = "scroll-to-anchor"
    OPEN_EXTERNAL = "open-external"
    IGNORE = "ignore"


@dataclass(frozen=True)
class LinkDecision:
    """The outcome of :func:`route_link`: an action and its target."""

    action: LinkAction
    target: str = ""
    fragment: str = ""


def route_link(href: str, policy: ExternalLinkPolicy) -> LinkDecision:
    """Decide what clicking ``href`` (as rendered by :mod:`guide.render`) does.

    This is the single place the link policy lives: internal links open in the app, anchors
    scroll, web links go to the system browser only if the policy allows, and everything else
    (``file:``, ``javascript:``, ``data:``...) is ignored.
    """
    scheme = urlsplit(href).scheme.lower()
    if href.startswith("#"):
        return LinkDecision(LinkAction.SCROLL_TO_ANCHOR, fragment=href[1:])
    if scheme == ARTICLE_SCHEME:
        path, fragment = split_fragment(href[len(ARTICLE_SCHEME) + 1 :])
        return LinkDecision(LinkAction.OPEN_LOCATION, unquote(path), unquote(fragment))
    if href == FACTS_PAGE:
        return LinkDecision(LinkAction.OPEN_LOCATION, FACTS_PAGE)
    if scheme in EXTERNAL_SCHEMES:
        if policy is ExternalLinkPolicy.OPEN_IN_BROWSER:
            return LinkDecision(LinkAction.OPEN_EXTERNAL, href)
        return LinkDecision(LinkAction.IGNORE, href)
    return LinkDecision(LinkAction.IGNORE, href)
