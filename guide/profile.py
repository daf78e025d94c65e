"""The reader's saved state: typed settings with an in-memory or on-disk JSON backend."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from guide.atomic import write_atomically
from guide.questions import Question
from guide.reading import PLACES_LIMIT, ReadingPlace, with_recent

SETTINGS_FILE = "settings.json"
DATA_DIR_ENV = "HEALTH_GUIDE_DATA_DIR"
STALE_TEMPORARY_SECONDS = 60


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
    opening_article: str = ""
    window_geometry: str = ""
    window_state: str = ""
    splitter_state: str = ""
    text_scale: int = 100
    theme: str = "system"
    large_print: bool = False
    saved_articles: list[str] = field(default_factory=list)
    recent_articles: list[str] = field(default_factory=list)
    """Newest first."""
    reading_places: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Article id -> ``{"anchor": str, "offset": int}``, the most recently read last."""
    questions: list[dict[str, str]] = field(default_factory=list)
    """``{"article": article id or "", "text": question}``, in the reader's order."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        """Build from decoded JSON, keeping only known keys with the right type.

        Lists and tables are checked item by item: a damaged item is dropped, not its list.
        """
        defaults = asdict(cls())
        values = {
            key: _ITEM_CHECKS.get(key, _as_is)(value) for key, value in data.items()
            if key in defaults and type(value) is type(defaults[key])
        }
        return cls(**values)


def _as_is(value: Any) -> Any:
    return value


def _article_ids(value: list[Any]) -> list[str]:
    return list(dict.fromkeys(item for item in value if isinstance(item, str) and item))


def _places(value: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        article: {"anchor": place["anchor"], "offset": place["offset"]}
        for article, place in value.items()
        if isinstance(place, dict) and isinstance(place.get("anchor"), str)
        and type(place.get("offset")) is int and place["offset"] >= 0
    }


def _questions(value: list[Any]) -> list[dict[str, str]]:
    return [
        {"article": item["article"], "text": item["text"]}
        for item in value
        if isinstance(item, dict) and isinstance(item.get("article"), str)
        and isinstance(item.get("text"), str) and item["text"].strip()
    ]


_ITEM_CHECKS: dict[str, Callable[[Any], Any]] = {
    "saved_articles": _article_ids,
    "recent_articles": _article_ids,
    "reading_places": _places,
    "questions": _questions,
}


class Backend(Protocol):
    """Where settings are kept."""

    def load(self) -> tuple[Settings, str]:
        """Return the stored settings and a notice for the reader ("" if all went well)."""

    def save(self, settings: Settings, changed: frozenset[str]) -> str:
        """Store the ``changed`` keys of ``settings``; return a notice if that failed."""

    def clear(self) -> str:
        """Forget everything stored; return a notice if that failed."""


class MemoryBackend:
    """Keeps settings for the life of the process only (kiosk mode, tests)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings or Settings()

    def load(self) -> tuple[Settings, str]:
        """Return a copy of what was saved last."""
        return Settings(**asdict(self._settings)), ""

    def save(self, settings: Settings, changed: frozenset[str]) -> str:
        """Remember the changed values."""
        self._settings = _merged(self._settings, settings, changed)
        return ""

    def clear(self) -> str:
        """Forget everything."""
        self._settings = Settings()
        return ""


def _merged(stored: Settings, mine: Settings, changed: frozenset[str]) -> Settings:
    """``stored`` with this run's ``changed`` keys taken from ``mine``."""
    values = asdict(stored)
    values.update({key: value for key, value in asdict(mine).items() if key in changed})
    return Settings(**values)


class _UnreadableError(Exception):
    """The settings file exists but cannot be read now (locked, no permission...)."""


class JsonFileBackend:
    """``settings.json`` in a profile folder, written atomically, corrupt files kept aside.

    It never overwrites settings it could not read: after a read error other than "not found"
    nothing is saved this run. Each save re-reads the file and changes only the keys this run
    changed, so two windows (or a second copy of the app) do not undo each other's choices.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / SETTINGS_FILE
        self._read_only = False

    def load(self) -> tuple[Settings, str]:
        """Read the file. A damaged file is renamed aside (never deleted) and defaults used."""
        self._remove_stale_temporaries()
        try:
            settings = self._read()
        except _UnreadableError as exc:
            self._read_only = True  # the real settings are still there: never overwrite them
            return Settings(), (f"Your saved settings could not be read ({exc}); the guide "
                                "started with default settings and will not change them.")
        if settings is None:
            backup = self._keep_corrupt_copy()
            kept = f" A copy of the damaged file was kept at {backup}." if backup else ""
            return Settings(), ("Your saved settings were damaged, so the guide started "
                                f"with default settings.{kept}")
        return settings, ""

    def _read(self) -> Settings | None:
        """The stored settings (defaults if there is no file); ``None`` if damaged."""
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # nothing saved there (yet)
            return Settings()
        except OSError as exc:
            raise _UnreadableError(exc.strerror or str(exc)) from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        return Settings.from_json(data) if isinstance(data, dict) else None

    def _remove_stale_temporaries(self) -> None:
        """Remove half-written files of runs killed while saving.

        Recent ones are left: another running copy may be writing them now.
        """
        cutoff = time.time() - STALE_TEMPORARY_SECONDS
        with contextlib.suppress(OSError):
            for leftover in self.folder.glob(f".{SETTINGS_FILE}-*.tmp"):
                with contextlib.suppress(OSError):
                    if leftover.stat().st_mtime < cutoff:
                        leftover.unlink()

    def _keep_corrupt_copy(self) -> Path | None:
        stamp = dt.datetime.now(tz=dt.UTC).strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{SETTINGS_FILE}.corrupt-{stamp}")
        try:
            self.path.replace(backup)
        except OSError:
            return None
        return backup

    def save(self, settings: Settings, changed: frozenset[str]) -> str:
        """Merge this run's changes into the file as it is now, then replace it atomically."""
        if self._read_only:
            return ("Your saved settings could not be read when the guide started, so your "
                    "changes last only until you close it.")
        try:
            current = self._read()
        except _UnreadableError as exc:
            return (f"The guide cannot read your settings in {self.folder} ({exc}); your "
                    "changes last only until you close it.")
        if current is None:  # damaged since we started: keep it aside, then write ours
            self._keep_corrupt_copy()
            current = Settings()
        text = json.dumps(asdict(_merged(current, settings, changed)), indent=2,
                          sort_keys=True)
        try:
            write_atomically(self.path, text.encode("utf-8"), durable=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return (f"The guide cannot save your settings in {self.folder} ({reason}). "
                    "Your choices last until you close the app.")
        return ""

    def clear(self) -> str:
        """Delete the settings file and every damaged copy kept aside."""
        failed = []
        for path in [self.path, *self.folder.glob(f"{SETTINGS_FILE}.corrupt-*")]:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                failed.append(f"{path.name} ({exc.strerror or exc})")
        if failed:
            return f"The guide could not delete {', '.join(failed)} in {self.folder}."
        self._read_only = False  # nothing is left there to protect
        return ""


class Profile:
    """Typed accessors over :class:`Settings`; every change is saved at once.

    ``notice`` holds one message for the reader about trouble loading or saving; it is set at
    most once per problem so the UI can show it once.
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._settings, self.notice = backend.load()
        self._changed: set[str] = set()
        self._save_failed = False

    def _save(self, *keys: str) -> None:
        self._changed.update(keys)
        message = self._backend.save(self._settings, frozenset(self._changed))
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
        self._save("accepted_disclaimer")

    def last_article(self) -> str:
        """Id of the article open when the app was last closed."""
        return self._settings.last_article

    def set_last_article(self, article_id: str) -> None:
        """Remember the article being read."""
        if article_id != self._settings.last_article:
            self._settings.last_article = article_id
            self._save("last_article")

    def opening_article(self) -> str:
        """The article being opened at start-up; still set if the app stopped while at it."""
        return self._settings.opening_article

    def set_opening_article(self, article_id: str) -> None:
        """Record the article being opened at start-up ("" once it is on screen)."""
        if article_id != self._settings.opening_article:
            self._settings.opening_article = article_id
            self._save("opening_article")

    def text_scale(self) -> int:
        """Reading text size in percent of the normal size."""
        return self._settings.text_scale

    def set_text_scale(self, percent: int) -> None:
        """Remember the reading text size."""
        if percent != self._settings.text_scale:
            self._settings.text_scale = percent
            self._save("text_scale")

    def window_state(self) -> tuple[str, str, str]:
        """Saved window geometry, window state and splitter state (base64 text)."""
        s = self._settings
        return s.window_geometry, s.window_state, s.splitter_state

    def set_window_state(self, geometry: str, state: str, splitter: str) -> None:
        """Remember the window layout."""
        s = self._settings
        s.window_geometry, s.window_state, s.splitter_state = geometry, state, splitter
        self._save("window_geometry", "window_state", "splitter_state")

    def theme(self) -> str:
        """The look the reader chose: system, light, dark or high-contrast."""
        return self._settings.theme

    def set_theme(self, theme: str) -> None:
        """Remember the reader's look."""
        if theme != self._settings.theme:
            self._settings.theme = theme
            self._save("theme")

    def large_print(self) -> bool:
        """Whether handouts are printed in large print."""
        return self._settings.large_print

    def set_large_print(self, large: bool) -> None:
        """Remember the handout print size."""
        if large != self._settings.large_print:
            self._settings.large_print = large
            self._save("large_print")

    def saved_articles(self) -> tuple[str, ...]:
        """Ids of the articles the reader saved, in the order they were saved."""
        return tuple(self._settings.saved_articles)

    def set_saved(self, article_id: str, saved: bool) -> None:
        """Save an article (at the end of the list) or remove it from the list."""
        ids = self._settings.saved_articles
        if saved == (article_id in ids):
            return
        if saved:
            ids.append(article_id)
        else:
            ids.remove(article_id)
        self._save("saved_articles")

    def recent_articles(self) -> tuple[str, ...]:
        """Ids of the articles read lately, newest first."""
        return tuple(self._settings.recent_articles)

    def add_recent(self, article_id: str) -> None:
        """Put an article at the top of the recently read list."""
        recent = with_recent(self._settings.recent_articles, article_id)
        if recent != self._settings.recent_articles:
            self._settings.recent_articles = recent
            self._save("recent_articles")

    def remove_recent(self, article_id: str) -> None:
        """Take an article off the recently read list."""
        if article_id in self._settings.recent_articles:
            self._settings.recent_articles.remove(article_id)
            self._save("recent_articles")

    def reading_place(self, article_id: str) -> ReadingPlace | None:
        """Where the reader was in an article (``None``: at its start, or never read)."""
        place = self._settings.reading_places.get(article_id)
        return ReadingPlace(place["anchor"], place["offset"]) if place else None

    def reading_place_count(self) -> int:
        """In how many articles a reading place is kept."""
        return len(self._settings.reading_places)

    def set_reading_place(self, article_id: str, place: ReadingPlace | None) -> None:
        """Remember the place in an article (``None`` forgets it: back at the start)."""
        places = self._settings.reading_places
        stored = {"anchor": place.anchor, "offset": place.offset} if place else None
        if places.get(article_id) == stored:
            return
        places.pop(article_id, None)  # re-inserted last: the most recently read
        if stored is not None:
            places[article_id] = stored
            for oldest in list(places)[:-PLACES_LIMIT]:
                del places[oldest]
        self._save("reading_places")

    def questions(self) -> tuple[Question, ...]:
        """The reader's questions for the doctor, in their order."""
        return tuple(Question(item["article"], item["text"])
                     for item in self._settings.questions)

    def set_questions(self, questions: Sequence[Question]) -> None:
        """Replace the reader's questions (after adding, editing, moving or removing)."""
        stored = [{"article": q.article_id, "text": q.text} for q in questions]
        if stored != self._settings.questions:
            self._settings.questions = stored
            self._save("questions")

    def clear(self) -> None:
        """Forget everything kept for this reader, on disk too (any problem becomes a notice).

        What the app does from now on is remembered again, as for a new reader.
        """
        self._settings = Settings()
        self._changed.clear()
        self.notice = self._backend.clear()  # an older notice may name a file now deleted
