"""Saved reader state: round trips, damaged files and failed writes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.profile import JsonFileBackend, MemoryBackend, Profile, Settings
from guide.questions import Question
from guide.reading import PLACES_LIMIT, RECENT_LIMIT, ReadingPlace


def test_values_survive_a_restart(tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path / "p"))
    profile.set_accepted_disclaimer("2")
    profile.set_last_article("medicines/tramadol")
    profile.set_window_state("Z2Vv", "c3Q=", "c3A=")
    again = Profile(JsonFileBackend(tmp_path / "p"))
    assert again.accepted_disclaimer() == "2"
    assert again.last_article() == "medicines/tramadol"
    assert again.window_state() == ("Z2Vv", "c3Q=", "c3A=")
    assert again.notice == ""


def test_memory_backend_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    profile = Profile(MemoryBackend())
    profile.set_last_article("a")
    assert profile.last_article() == "a"
    assert list(tmp_path.iterdir()) == []


def test_damaged_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b'{"accepted_disclaimer": "1", \xff')
    profile = Profile(JsonFileBackend(tmp_path))
    assert profile.accepted_disclaimer() == ""
    assert "damaged" in profile.notice
    backups = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b'{"accepted_disclaimer": "1", \xff'
    assert str(backups[0]) in profile.take_notice()
    assert profile.take_notice() == ""


def test_wrong_types_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps(
        {"accepted_disclaimer": 7, "last_article": "welcome", "surprise": True}))
    profile = Profile(JsonFileBackend(tmp_path))
    assert (profile.accepted_disclaimer(), profile.last_article()) == ("", "welcome")
    assert profile.notice == ""


def test_json_array_counts_as_damaged(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("[1, 2]")
    assert "damaged" in Profile(JsonFileBackend(tmp_path)).notice


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_read_only_folder_keeps_working_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    Profile(JsonFileBackend(folder)).set_last_article("before")
    folder.chmod(0o500)
    try:
        profile = Profile(JsonFileBackend(folder))
        profile.set_last_article("after")
        assert profile.last_article() == "after"
        assert "cannot save your settings" in profile.take_notice()
        profile.set_last_article("again")
        assert profile.take_notice() == "", "the same failure is reported once"
        assert Profile(JsonFileBackend(folder)).last_article() == "before"
    finally:
        folder.chmod(0o700)


def test_unwritable_location_is_reported_once(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    profile = Profile(JsonFileBackend(blocker / "profile"))
    profile.set_last_article("a")
    assert "cannot save your settings" in profile.take_notice()
    profile.set_last_article("b")
    assert profile.take_notice() == ""
    assert profile.last_article() == "b"


def test_failed_write_keeps_previous_good_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    backend = JsonFileBackend(tmp_path)
    Profile(backend).set_last_article("good")
    before = (tmp_path / "settings.json").read_text()

    def fail_replace(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail_replace)
    assert "No space left" in backend.save(Settings(last_article="new"),
                                           frozenset({"last_article"}))
    monkeypatch.undo()
    assert (tmp_path / "settings.json").read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"], "temp file cleaned up"


def test_a_read_error_never_overwrites_the_real_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: Callable[..., None]) -> None:
    Profile(JsonFileBackend(tmp_path)).set_accepted_disclaimer("1")
    Profile(JsonFileBackend(tmp_path)).set_text_scale(150)
    good = (tmp_path / "settings.json").read_bytes()
    locked("settings.json")
    profile = Profile(JsonFileBackend(tmp_path))  # a temporary error, e.g. a locked file
    assert profile.accepted_disclaimer() == ""
    assert "could not be read (The file is locked)" in profile.take_notice()
    profile.set_last_article("welcome")
    profile.set_text_scale(90)
    assert profile.text_scale() == 90  # works for this run...
    monkeypatch.undo()
    assert (tmp_path / "settings.json").read_bytes() == good  # ...and loses nothing saved


def test_two_running_copies_do_not_undo_each_others_changes(tmp_path: Path) -> None:
    first = Profile(JsonFileBackend(tmp_path))
    second = Profile(JsonFileBackend(tmp_path))
    first.set_accepted_disclaimer("2")
    second.set_text_scale(175)  # second started before first accepted: it must not reset it
    first.set_last_article("medicines/tramadol")
    again = Profile(JsonFileBackend(tmp_path))
    assert again.accepted_disclaimer() == "2"
    assert again.text_scale() == 175
    assert again.last_article() == "medicines/tramadol"


def test_a_file_damaged_while_running_is_kept_aside_on_save(tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_accepted_disclaimer("1")
    (tmp_path / "settings.json").write_bytes(b"{broken")
    profile.set_text_scale(130)
    assert len(list(tmp_path.glob("settings.json.corrupt-*"))) == 1
    again = Profile(JsonFileBackend(tmp_path))
    assert again.text_scale() == 130
    assert again.accepted_disclaimer() == "1"  # this run's own change is written again


def test_saved_recent_places_and_questions_survive_a_restart(tmp_path: Path) -> None:
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_saved("medicines/tramadol", saved=True)
    profile.set_saved("welcome", saved=True)
    profile.set_saved("medicines/tramadol", saved=False)
    for article_id in ("a", "b", "a"):
        profile.add_recent(article_id)
    profile.set_reading_place("b", ReadingPlace("risks", 120))
    profile.set_questions([Question("b", "Is it safe?"), Question("", "Sick note?")])
    profile.set_large_print(True)
    again = Profile(JsonFileBackend(tmp_path))
    assert again.saved_articles() == ("welcome",)
    assert again.recent_articles() == ("a", "b")
    assert again.reading_place("b") == ReadingPlace("risks", 120)
    assert again.reading_place("a") is None
    assert again.questions() == (Question("b", "Is it safe?"), Question("", "Sick note?"))
    assert again.large_print()


def test_recently_read_keeps_the_last_twenty(tmp_path: Path) -> None:
    profile = Profile(MemoryBackend())
    for number in range(25):
        profile.add_recent(f"article-{number}")
    assert len(profile.recent_articles()) == RECENT_LIMIT
    assert profile.recent_articles()[0] == "article-24"


def test_reading_places_keep_only_the_most_recent(tmp_path: Path) -> None:
    profile = Profile(MemoryBackend())
    for number in range(PLACES_LIMIT + 5):
        profile.set_reading_place(f"article-{number}", ReadingPlace("", number + 1))
    profile.set_reading_place("article-10", ReadingPlace("", 0))  # read again: now the newest
    assert profile.reading_place_count() == PLACES_LIMIT
    assert profile.reading_place("article-0") is None
    assert profile.reading_place("article-10") == ReadingPlace("", 0)
    profile.set_reading_place("article-10", None)
    assert profile.reading_place("article-10") is None


def test_damaged_items_in_lists_are_dropped_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "saved_articles": ["welcome", 7, None, "", "welcome", ["x"], "medicines/tramadol"],
        "recent_articles": "welcome",
        "reading_places": {"a": {"anchor": "risks", "offset": 3}, "b": {"anchor": 1},
                           "c": ["risks", 3], "d": {"anchor": "x", "offset": -1},
                           "e": {"anchor": "x", "offset": True}},
        "questions": [{"article": "a", "text": "Why?"}, {"article": 1, "text": "No"},
                      {"text": "No article"}, "Why?", {"article": "", "text": "  "}],
        "large_print": "yes",
    }))
    profile = Profile(JsonFileBackend(tmp_path))
    assert profile.notice == ""
    assert profile.saved_articles() == ("welcome", "medicines/tramadol")
    assert profile.recent_articles() == ()
    assert profile.reading_place("a") == ReadingPlace("risks", 3)
    assert profile.reading_place_count() == 1
    assert profile.questions() == (Question("a", "Why?"),)
    assert not profile.large_print()


def test_clearing_deletes_the_file_and_the_damaged_copies(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b"{broken")
    profile = Profile(JsonFileBackend(tmp_path))
    profile.set_saved("welcome", saved=True)
    profile.set_questions([Question("welcome", "Why?")])
    assert len(list(tmp_path.iterdir())) == 2  # settings.json and the damaged copy
    profile.clear()
    assert list(tmp_path.iterdir()) == []
    assert profile.saved_articles() == ()
    assert profile.questions() == ()
    assert profile.notice == ""
    profile.set_text_scale(130)  # remembered again from now on, and only that
    assert json.loads((tmp_path / "settings.json").read_text())["saved_articles"] == []


def test_clearing_in_memory_forgets_everything() -> None:
    profile = Profile(MemoryBackend())
    profile.set_accepted_disclaimer("1")
    profile.add_recent("welcome")
    profile.clear()
    assert (profile.accepted_disclaimer(), profile.recent_articles()) == ("", ())
