"""The pages an edition adds about itself: its logo on the home page, and "Contact and about"."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from guide import __version__
from guide.links import EXTERNAL_MARK, PACK_SCHEME
from guide.model import Pack

LOGO_HEIGHT = 72


def logo_html(pack: Pack) -> str:
    """The top of the home page: the edition's logo, if it has one, then its name and version.

    The version tells a member which release they have, so they can tell when a group hands
    out a corrected one.
    """
    edition = pack.edition
    version = f" \u00b7 version {escape(edition.version)}" if edition.version else ""
    name = f'<p class="edition"><small>{escape(edition.app_name)}{version}</small></p>'
    if not edition.logo:
        return name
    return (f'<p class="logo"><img src="{PACK_SCHEME}:{escape(edition.logo)}" '
            f'height="{LOGO_HEIGHT}" alt="{escape(pack.publisher or pack.title)}"></p>{name}')


def contact_html(pack: Pack, markdown_to_html: Callable[[str], str]) -> str:
    """Who made this edition, how to reach them, and what the app is."""
    edition = pack.edition
    parts = [f"<h1>About {escape(edition.app_name)}</h1>",
             f'<p class="summary">{escape(pack.title)}'
             + (f" \u00b7 version {escape(edition.version)}" if edition.version else "")
             + "</p>"]
    if pack.publisher:
        parts.append(f"<p>Published by {escape(pack.publisher)}.</p>")
    if edition.about:
        parts.append(markdown_to_html(edition.about))
    contact = edition.contact
    if contact:
        parts.append("<h2>Contact</h2>")
        items = [f"<li>{label}: <a class=\"external\" href=\"{escape(href)}\">{escape(text)}"
                 f"{EXTERNAL_MARK}</a></li>" for label, href, text in contact.links()]
        if contact.hours:
            items.append(f"<li>Hours: {escape(contact.hours)}</li>")
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
        if contact.note:
            parts.append(f"<p>{escape(contact.note)}</p>")
    parts.append(
        "<h2>This app</h2>"
        f"<p>{len(pack.articles)} articles. Everything works offline: the app never connects "
        "to the internet and collects nothing about you. Made with Health Guide "
        f"{escape(__version__)}, free software.</p>")
    return "\n".join(parts)
