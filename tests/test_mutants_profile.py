"""Reader's settings: where they live, what the reader is told, and what is kept."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.profile import (
    DATA_DIR_ENV,
    JsonFileBackend,
    MemoryBackend,
    Profile,
    edition_profile_dir,
    user_data_dir,
)
from guide.reading import ReadingPlace

HOME = Path("/home/reader")


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: HOME))
    for name in (DATA_DIR_ENV, "APPDATA", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    return HOME


@pytest.mark.parametrize(("platform", "environment", "expected"), [
    ("linux", {}, HOME / ".local" / "share" / "health-guide"),
    ("linux", {"XDG_DATA_HOME": "/data"}, Path("/data/health-guide")),
    ("darwin", {}, HOME / "Library" / "Application Support" / "health-guide"),
    ("win32", {}, HOME / "AppData" / "Roaming" / "health-guide"),
    ("win32", {"APPDATA": "/roaming"}, Path("/roaming/health-guide")),
    ("linux", {DATA_DIR_ENV: "/elsewhere"}, Path("/elsewhere")),
])
def test_settings_live_where_each_system_keeps_them(
        home: Path, monkeypatch: pytest.MonkeyPatch, platform: str,
        environment: dict[str, str], expected: Path) -> None:
    monkeypatch.setattr("sys.platform", platform)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert user_data_dir() == expected
    assert edition_profile_dir("org.example.lupus") == expected / "editions" / "org.example.lupus"


def test_settings_kept_in_memory_never_trouble_the_reader() -> None:
    profile = Profile(MemoryBackend())  # a kiosk
    assert profile.take_notice() == ""
    profile.set_text_scale(150)
    assert profile.take_notice() == ""
    profile.clear()
    assert profile.take_notice() == ""


def test_a_place_at_the_very_top_of_a_heading_is_kept(tmp_path: Path) -> None:
    Profile(JsonFileBackend(tmp_path)).set_reading_place("a", ReadingPlace("risks", 0))
    assert Profile(JsonFileBackend(tmp_path)).reading_place("a") == ReadingPlace("risks", 0)


def test_the_article_being_opened_is_remembered(tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_opening_article("medicines/tramadol")
    assert Profile(JsonFileBackend(tmp_path)).opening_article() == "medicines/tramadol"
    profile.set_opening_article("")
    assert Profile(JsonFileBackend(tmp_path)).opening_article() == ""


def test_the_settings_file_is_easy_to_read(tmp_path: Path) -> None:
    Profile(JsonFileBackend(tmp_path)).set_last_article("welcome")
    text = (tmp_path / "settings.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True)


def test_a_damaged_file_is_kept_under_a_dated_name_the_reader_is_told(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{broken")
    notice = Profile(JsonFileBackend(tmp_path)).take_notice()
    (kept,) = tmp_path.glob("settings.json.corrupt-*")
    assert re.fullmatch(r"settings\.json\.corrupt-\d{8}-\d{6}", kept.name)
    assert notice == ("Your saved settings were damaged, so the guide started with default "
                      f"settings. A copy of the damaged file was kept at {kept}.")


def test_settings_unreadable_at_start_are_never_overwritten_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: Callable[..., None]) -> None:
    Profile(JsonFileBackend(tmp_path)).set_text_scale(150)
    good = (tmp_path / "settings.json").read_bytes()
    locked("settings.json")
    profile = Profile(JsonFileBackend(tmp_path))
    assert profile.take_notice() == (
        "Your saved settings could not be read (The file is locked); the guide started with "
        "default settings and will not change them.")
    monkeypatch.undo()  # the lock goes away while the app runs
    profile.set_text_scale(90)
    assert profile.take_notice() == (
        "Your saved settings could not be read when the guide started, so your changes last "
        "only until you close it.")
    assert (tmp_path / "settings.json").read_bytes() == good


def test_a_failed_save_says_why_in_plain_words(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_text_scale(150)
    assert profile.take_notice() == (
        f"The guide cannot save your settings in {tmp_path} (No space left on device). "
        "Your choices last until you close the app.")


def test_clearing_when_nothing_was_saved_is_quiet(tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path / "never-saved"))
    profile.clear()
    assert profile.take_notice() == ""


def test_clearing_names_each_file_it_could_not_delete(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "settings.json").write_text("{broken")
    Profile(JsonFileBackend(tmp_path))  # keeps the damaged file aside
    Profile(JsonFileBackend(tmp_path)).set_text_scale(150)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    profile = Profile(JsonFileBackend(tmp_path))
    profile.clear()
    (kept,) = tmp_path.glob("settings.json.corrupt-*")
    assert profile.take_notice() == (
        f"The guide could not delete settings.json (Permission denied), {kept.name} "
        f"(Permission denied) in {tmp_path}.")


def test_the_look_and_the_recently_read_list_are_remembered(tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_theme("dark")
    for article_id in ("a", "b"):
        profile.add_recent(article_id)
    profile.remove_recent("a")
    profile.remove_recent("never-read")
    again = Profile(JsonFileBackend(tmp_path))
    assert (again.theme(), again.recent_articles()) == ("dark", ("b",))
    again.remove_recent("b")  # the first change of a new run is written, too
    assert Profile(JsonFileBackend(tmp_path)).recent_articles() == ()


def test_a_damaged_file_that_cannot_be_moved_aside_is_still_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "settings.json").write_text("{broken")

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    assert Profile(JsonFileBackend(tmp_path)).take_notice() == (
        "Your saved settings were damaged, so the guide started with default settings.")


def test_an_error_without_a_system_reason_is_still_explained(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Profile(JsonFileBackend(tmp_path / "a")).set_text_scale(150)
    real_read = Path.read_bytes

    def gone(path: Path) -> bytes:
        if path.name == "settings.json":
            raise OSError("the network drive went away")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", gone)
    assert "could not be read (the network drive went away)" in \
        Profile(JsonFileBackend(tmp_path / "a")).take_notice()
    monkeypatch.undo()

    def full(self: Path, target: Path) -> Path:
        raise OSError("quota exceeded")

    monkeypatch.setattr(Path, "replace", full)
    profile = Profile(JsonFileBackend(tmp_path / "b"))
    profile.set_text_scale(150)
    assert "cannot save your settings in" in profile.notice
    assert profile.take_notice().endswith(
        "(quota exceeded). Your choices last until you close the app.")


def test_settings_that_become_unreadable_while_running_are_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: Callable[..., None]) -> None:
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_text_scale(150)
    good = (tmp_path / "settings.json").read_bytes()
    locked("settings.json")
    profile.set_text_scale(90)
    assert profile.take_notice() == (
        f"The guide cannot read your settings in {tmp_path} (The file is locked); your "
        "changes last only until you close it.")
    monkeypatch.undo()
    assert (tmp_path / "settings.json").read_bytes() == good
