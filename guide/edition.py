"""A pack's identity and branding: which edition of the app it makes, and how it looks.

Everything a reader sees of the app's identity comes from here, so one support group's
edition never shows another's name, and settings are kept apart per :attr:`Edition.id`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from guide.pack_layout import MANIFEST

DEFAULT_APP_NAME = "Health Guide"
ID_PATTERN = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")
"""A pack id: lower-case letters and digits, with dots or hyphens between (reverse-DNS or slug)."""
_ID_LINE = re.compile(r"^id:\s*[\"']?([^\s\"'#]+)", re.MULTILINE)


@dataclass(frozen=True)
class Contact:
    """How readers reach the people behind an edition."""

    email: str = ""
    phone: str = ""
    web: str = ""
    hours: str = ""
    note: str = ""
    """Free text (a postal address, or how to report a mistake)."""

    def __bool__(self) -> bool:
        return any((self.email, self.phone, self.web, self.hours, self.note))

    def links(self) -> list[tuple[str, str, str]]:
        """``(label, address, shown text)`` for each way to get in touch that has an address."""
        found = []
        if self.email:
            found.append(("Email", f"mailto:{self.email}", self.email))
        if self.phone:
            found.append(("Phone", "tel:" + re.sub(r"[^\d+]", "", self.phone), self.phone))
        if self.web:
            found.append(("Web", self.web, self.web.removeprefix("https://")))
        return found


@dataclass(frozen=True)
class Edition:
    """Who made this edition, what the app is called, and what it looks like."""

    id: str
    version: str = ""
    app_name: str = DEFAULT_APP_NAME
    icon: str = ""
    """Pack-relative path of the app's icon (SVG or PNG); "" for the default icon."""
    logo: str = ""
    """Pack-relative path of a logo for the home page header and printed handouts."""
    about: str = ""
    """Markdown for the About box and the contact page: who the group is, who funds it."""
    contact: Contact = field(default_factory=Contact)
    help_now: str = ""
    """Article id of a "Get help now" page (crisis lines), shown as a toolbar button."""

    @property
    def slug(self) -> str:
        """The app name for file names: ``lupus-guide`` for "Lupus Guide"."""
        return re.sub(r"[^a-z0-9]+", "-", self.app_name.lower()).strip("-") or "health-guide"

    def name_and_version(self) -> str:
        """"Lupus Guide 2.1", or just the name when no version is given."""
        return f"{self.app_name} {self.version}".strip()


def declared_id(root: Path) -> str | None:
    """The id a pack's manifest declares, read from its first lines without parsing YAML.

    ``None`` when there is none, it is not a valid id, or the manifest cannot be read.
    """
    try:
        head = (root / MANIFEST).read_text(encoding="utf-8-sig", errors="replace")[:4096]
    except OSError:
        return None
    match = _ID_LINE.search(head)
    return match.group(1) if match and ID_PATTERN.fullmatch(match.group(1)) else None


def derive_id(title: str) -> str:
    """An id made from a pack's title, for packs that give none."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "pack"
