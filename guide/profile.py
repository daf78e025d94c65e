"""The reader's saved state: typed settings with an in-memory or on-disk JSON backend."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from guide.atomic import write_atomically

SETTINGS_FILE = "settings.json"
DATA_DIR_ENV = "HEALTH_GUIDE_DATA_DIR"


def user_data_dir() -> Path:
    """The per-user folder for readers' settings (``$HEALTH_GUIDE_DATA_DIR`` overrides it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "health-guide"


def edition_profile_dir(edition_id: str) -> Path:
    """Where one edition keeps its readers' settings: editions never share a disclaimer."""
    return user_data_dir() / "editions" / edition_id


@dataclass
class Settings:
    """Every value the app remembers. Declared once; unknown or mistyped values are dropped."""

    accepted_disclaimer: str = ""
    last_article: str = ""
    window_geometry: str = ""
    window_state: str = ""
    splitter_state: str = ""
    text_scale: int = 100

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        """Build from decoded JSON, keeping only known keys with the right type."""
        defaults = asdict(cls())
        values = {
            key: value for key, value in data.items()
            if key in defaults and type(value) is type(defaults[key])
        }
        return cls(**values)


class Backend(Protocol):
    """Where settings are kept."""

    def load(self) -> tuple[Settings, str]:
        """Return the stored settings and a notice for the reader ("" if all went well)."""

    def save(self, settings: Settings) -> str:
        """Store ``settings``; return a notice for the reader if that failed."""


class MemoryBackend:
    """Keeps settings for the life of the process only (kiosk mode, tests)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings or Settings()

    def load(self) -> tuple[Settings, str]:
        """Return a copy of what was saved last."""
        return Settings(**asdict(self._settings)), ""

    def save(self, settings: Settings) -> str:
        """Remember a copy of ``settings``."""
        self._settings = Settings(**asdict(settings))
        return ""


class JsonFileBackend:
    """``settings.json`` in a profile folder, written atomically, corrupt files kept aside."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / SETTINGS_FILE

    def load(self) -> tuple[Settings, str]:
        """Read the file. A damaged file is renamed aside (never deleted) and defaults used."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings(), ""
        except OSError as exc:
            return Settings(), (f"Your saved settings could not be read ({exc.strerror}); "
                                "the guide started with default settings.")
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise TypeError("settings file does not hold a JSON object")
        except (UnicodeDecodeError, json.JSONDecodeError, TypeError):
            backup = self._keep_corrupt_copy()
            kept = f" A copy of the damaged file was kept at {backup}." if backup else ""
            return Settings(), ("Your saved settings were damaged, so the guide started "
                                f"with default settings.{kept}")
        return Settings.from_json(data), ""

    def _keep_corrupt_copy(self) -> Path | None:
        stamp = dt.datetime.now(tz=dt.UTC).strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{SETTINGS_FILE}.corrupt-{stamp}")
        try:
            self.path.replace(backup)
        except OSError:
            return None
        return backup

    def save(self, settings: Settings) -> str:
        """Write to a temporary file and rename it over the old one, so a failure loses nothing."""
        text = json.dumps(asdict(settings), indent=2, sort_keys=True)
        try:
            write_atomically(self.path, text.encode("utf-8"), durable=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return (f"The guide cannot save your settings in {self.folder} ({reason}). "
                    "Your choices last until you close the app.")
        return ""


class Profile:
    """Typed accessors over :class:`Settings`; every change is saved at once.

    ``notice`` holds one message for the reader about trouble loading or saving; it is set at
    most once per problem so the UI can show it once.
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._settings, self.notice = backend.load()
        self._save_failed = False

    def _save(self) -> None:
        message = self._backend.save(self._settings)
        if message and not self._save_failed:
            self.notice = message
        self._save_failed = bool(message)

    def take_notice(self) -> str:
        """Return the pending notice and forget it, so it is shown only once."""
        notice, self.notice = self.notice, ""
        return notice

    def accepted_disclaimer(self) -> str:
        """Version of the disclaimer the reader accepted ("" if none)."""
        return self._settings.accepted_disclaimer

    def set_accepted_disclaimer(self, version: str) -> None:
        """Record that the reader accepted this disclaimer version."""
        self._settings.accepted_disclaimer = version
        self._save()

    def last_article(self) -> str:
        """Id of the article open when the app was last closed."""
        return self._settings.last_article

    def set_last_article(self, article_id: str) -> None:
        """Remember the article being read."""
        if article_id != self._settings.last_article:
            self._settings.last_article = article_id
            self._save()

    def text_scale(self) -> int:
        """Reading text size in percent of the normal size."""
        return self._settings.text_scale

    def set_text_scale(self, percent: int) -> None:
        """Remember the reading text size."""
        if percent != self._settings.text_scale:
            self._settings.text_scale = percent
            self._save()

    def window_state(self) -> tuple[str, str, str]:
        """Saved window geometry, window state and splitter state (base64 text)."""
        s = self._settings
        return s.window_geometry, s.window_state, s.splitter_state

    def set_window_state(self, geometry: str, state: str, splitter: str) -> None:
        """Remember the window layout."""
        s = self._settings
        s.window_geometry, s.window_state, s.splitter_state = geometry, state, splitter
        self._save()
