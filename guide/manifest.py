"""The parts of ``guide.yml`` that describe how the app runs: the kiosk section."""

from __future__ import annotations

import re
from dataclasses import fields as dataclass_fields
from typing import Any

from guide import passphrase
from guide.fields import Fields
from guide.modes import KioskSettings

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
