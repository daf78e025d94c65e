"""``guide.yml``: read and checked key by key into the edition, its branding and the kiosk.

The manifest is checked against the keys below: an unknown key is reported with the nearest
known one, so ``acent:`` or ``app-name:`` is never silently ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import fields as dataclass_fields
from pathlib import Path, PurePosixPath
from typing import Any

from guide import passphrase
from guide.colours import DEFAULT_ACCENT
from guide.edition import DEFAULT_APP_NAME, ID_PATTERN, Contact, Edition, derive_id
from guide.fields import Collector, Fields, load_yaml, read_text
from guide.locations import UnsafePathError, resolve_inside
from guide.model import PackError
from guide.modes import KioskSettings
from guide.pack_layout import MANIFEST

KNOWN_KEYS = {
    "id": "the edition's id, e.g. org.example.lupus-guide (settings are kept per id)",
    "version": "the edition's version, e.g. 2026.1",
    "title": "the guide's title",
    "app_name": "the app's name in the title bar, menus and taskbar",
    "publisher": "who is responsible for the content",
    "language": "the content's language code, e.g. en",
    "home": "the article opened first",
    "disclaimer": "file and version of the disclaimer",
    "contact": "email, phone, web, hours (and note)",
    "about": "Markdown about the group, for the About box",
    "help_now": "article id of a 'Get help now' page",
    "icon": "SVG or PNG file for the app's icon",
    "logo": "SVG, PNG or JPEG for the home page and handouts",
    "accent": "a colour like #2f6f8f",
    "facts": "the quick facts file",
    "glossary": "the glossary file",
    "kiosk": "settings for health-guide --kiosk",
}
CONTACT_KEYS = ("email", "phone", "web", "hours", "note")
ICON_SUFFIXES = (".svg", ".png")
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")


def read_manifest(root: Path) -> tuple[dict[str, Any], str]:
    """The manifest of the pack at ``root`` and its text; :class:`PackError` if there is none.

    A manifest that cannot be read or parsed makes the pack unusable.
    """
    if not root.exists():
        raise PackError(f"content pack folder not found: {root}")
    if not root.is_dir():
        raise PackError(f"content pack is not a folder: {root}")
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise PackError(f"{root} is not a content pack: it has no {MANIFEST}")
    collector = Collector()
    text = read_text(manifest, MANIFEST, collector)
    data = load_yaml(text, MANIFEST, 1, collector) if text is not None else None
    if collector.problems:
        first = collector.problems[0]
        where = f"{root / MANIFEST}:{first.line}" if first.line else str(root / MANIFEST)
        raise PackError(f"{where}: {first.message}")
    if not isinstance(data, dict):
        raise PackError(f"{root / MANIFEST}: should be a mapping of 'key: value' lines")
    return data, text or ""


def accent(manifest: Fields) -> str:
    """The accent colour, or the default one (with a warning when it is not a colour)."""
    value = manifest.text("accent")
    if not value:
        return DEFAULT_ACCENT
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value
    manifest.add("accent", f"accent {value!r} should be a colour like #2f6f8f", "warning")
    return DEFAULT_ACCENT


def check_keys(manifest: Fields) -> None:
    """Warn about keys the app does not know, naming the nearest known one."""
    for key in manifest.data:
        if key not in KNOWN_KEYS:
            manifest.add(str(key), _unknown(str(key), KNOWN_KEYS), "warning")


def _unknown(key: str, known: Collection[str]) -> str:
    near = difflib.get_close_matches(key.replace("-", "_").lower(), list(known), n=1,
                                     cutoff=0.6)
    hint = f"; did you mean '{near[0]}'?" if near else f" (known: {', '.join(sorted(known))})"
    return f"unknown key '{key}' is ignored{hint}"


def read_edition(manifest: Fields, root: Path, title: str, articles: Collection[str],
                 ) -> Edition:
    """The edition's identity and branding; mistakes are reported and defaults used."""
    pack_id = manifest.text("id")
    if not pack_id:
        pack_id = derive_id(title)
        manifest.add("title", f"no 'id': using '{pack_id}'. Add a line such as 'id: "
                     f"org.example.{pack_id}' so this edition keeps its readers' settings "
                     "if its title changes", "warning")
    elif not ID_PATTERN.fullmatch(pack_id):
        derived = derive_id(pack_id)
        manifest.add("id", f"id {pack_id!r} should be lower-case letters and digits with dots "
                     f"or hyphens (like org.example.lupus-guide); using '{derived}'")
        pack_id = derived
    help_now = manifest.text("help_now")
    if help_now and help_now not in articles:
        manifest.add("help_now", f"help_now article '{help_now}' does not exist")
        help_now = ""
    return Edition(
        id=pack_id,
        version=manifest.text("version"),
        app_name=manifest.text("app_name") or DEFAULT_APP_NAME,
        icon=_pack_file(manifest, root, "icon", ICON_SUFFIXES),
        logo=_pack_file(manifest, root, "logo", LOGO_SUFFIXES),
        about=manifest.text("about"),
        contact=_contact(manifest),
        help_now=help_now,
    )


def _pack_file(manifest: Fields, root: Path, key: str, suffixes: tuple[str, ...]) -> str:
    name = manifest.text(key)
    if not name:
        return ""
    if not name.lower().endswith(suffixes):
        kinds = " or ".join(suffix[1:].upper() for suffix in suffixes)
        manifest.add(key, f"{key} '{name}' should be a {kinds} file")
        return ""
    try:
        path = resolve_inside(root, name)
    except UnsafePathError:
        manifest.add(key, f"{key} '{name}' is outside the pack")
        return ""
    if not path.is_file():
        manifest.add(key, f"{key} file '{name}' does not exist")
        return ""
    return PurePosixPath(name.replace("\\", "/")).as_posix()


def _contact(manifest: Fields) -> Contact:
    value = manifest.data.get("contact")
    if value is None:
        return Contact()
    if isinstance(value, str):
        return Contact(note=value.strip())
    if not isinstance(value, dict):
        manifest.add("contact", "'contact' should be text or a section with email, phone, web, "
                     "hours")
        return Contact()
    for key in value:
        if key not in CONTACT_KEYS:
            manifest.add("contact", "contact: " + _unknown(str(key), CONTACT_KEYS), "warning")
    parts = {key: manifest.text("contact", value[key]) if value.get(key) is not None else ""
             for key in CONTACT_KEYS}
    if parts["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", parts["email"]):
        manifest.add("contact", f"contact email {parts['email']!r} is not an e-mail address")
        parts["email"] = ""
    if parts["web"] and not re.match(r"https?://[^\s/]+", parts["web"]):
        manifest.add("contact", f"contact web {parts['web']!r} should start with https://")
        parts["web"] = ""
    return Contact(**parts)

_KIOSK_LIMITS = {"idle_seconds": (10, 3600), "warning_seconds": (3, 120),
                 "text_scale": (80, 250)}


def kiosk_settings(manifest: Fields) -> KioskSettings:
    """The ``kiosk:`` section; a wrong value is reported and its default used."""
    data = manifest.data.get("kiosk")
    if data is None:
        return KioskSettings()
    if not isinstance(data, dict):
        manifest.add("kiosk", "'kiosk' should be a section of 'key: value' lines")
        return KioskSettings()
    known = {f.name for f in dataclass_fields(KioskSettings)}
    for key in data:
        if key not in known:
            manifest.add("kiosk", f"unknown kiosk setting '{key}' (known: "
                         f"{', '.join(sorted(known))})", "warning")
    values: dict[str, Any] = _kiosk_numbers(manifest, data)
    url = data.get("take_home_url") or ""
    if url and not (isinstance(url, str) and re.match(r"https?://[^\s/]+", url)):
        manifest.add("kiosk", "kiosk take_home_url should be a web address starting with "
                     f"https://, not {url!r}")
    elif url:
        values["take_home_url"] = url
        if "{id}" not in url:
            manifest.add("kiosk", "kiosk take_home_url has no '{id}': every article will show "
                         "the same address", "warning")
    allow_print = data.get("print", False)
    if isinstance(allow_print, bool):
        values["print"] = allow_print
    else:
        manifest.add("kiosk", f"kiosk print should be true or false, not {allow_print!r}")
    stored = data.get("operator_passphrase") or ""
    if stored and (not isinstance(stored, str) or passphrase.parse(stored) is None):
        manifest.add("kiosk", "kiosk operator_passphrase is not a hash made by "
                     "'health-guide kiosk-passphrase' (never write the passphrase itself); "
                     "the kiosk cannot be closed from the screen")
    elif stored:
        values["operator_passphrase"] = stored
    return KioskSettings(**values)


def _kiosk_numbers(manifest: Fields, data: dict[str, Any]) -> dict[str, int]:
    defaults = KioskSettings()
    values = {}
    for key, (low, high) in _KIOSK_LIMITS.items():
        value = data.get(key, getattr(defaults, key))
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            values[key] = value
        else:
            manifest.add("kiosk", f"kiosk {key} should be a whole number from {low} to {high}, "
                         f"not {value!r}")
    if values.get("warning_seconds", 0) >= values.get("idle_seconds", defaults.idle_seconds):
        manifest.add("kiosk", "kiosk warning_seconds should be shorter than idle_seconds")
        values.pop("warning_seconds")
    return values
