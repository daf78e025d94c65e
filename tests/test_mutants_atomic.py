"""Writing files: temporary files beside the target, the reader's settings flushed to disk."""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

import pytest

from guide.atomic import replaced_atomically, write_atomically
from guide.profile import STALE_TEMPORARY_SECONDS, JsonFileBackend, Profile


@pytest.fixture
def temporary_folder_on_another_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder on another file system, where a rename cannot reach."""
    other = tmp_path / "other-disk"
    other.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(other))
    replace = Path.replace

    def replace_on_one_disk(self: Path, target: str | os.PathLike[str]) -> Path:
        if (self.parent == other) != (Path(target).parent == other):
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", replace_on_one_disk)
    return other


def test_settings_are_saved_when_the_temporary_folder_is_on_another_disk(
        tmp_path: Path, temporary_folder_on_another_disk: Path) -> None:
    folder = tmp_path / "profile"
    profile = Profile(JsonFileBackend(folder))
    profile.set_text_scale(150)
    assert profile.take_notice() == ""
    assert Profile(JsonFileBackend(folder)).text_scale() == 150
    assert list(temporary_folder_on_another_disk.iterdir()) == []


def test_caches_are_written_when_the_temporary_folder_is_on_another_disk(
        tmp_path: Path, temporary_folder_on_another_disk: Path) -> None:
    target = tmp_path / "cache" / "search.sqlite"
    with replaced_atomically(target) as tmp:
        assert tmp.parent == target.parent  # a rename never crosses file systems
        tmp.write_bytes(b"index")
    assert target.read_bytes() == b"index"
    write_atomically(target, b"page")
    assert target.read_bytes() == b"page"
    assert list(target.parent.iterdir()) == [target]
    assert list(temporary_folder_on_another_disk.iterdir()) == []


def test_settings_reach_the_disk_before_they_replace_the_old_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a power cut right after the rename must not leave an empty settings file
    events: list[tuple[str, int, int]] = []
    fsync, replace = os.fsync, Path.replace

    def recorded_fsync(fd: int) -> None:
        stat = os.fstat(fd)  # what the disk holds: the whole text, not only part of it
        events.append(("flushed", stat.st_ino, stat.st_size))
        fsync(fd)

    def recorded_replace(self: Path, target: str | os.PathLike[str]) -> Path:
        stat = self.stat()
        events.append(("renamed", stat.st_ino, stat.st_size))
        return replace(self, target)

    monkeypatch.setattr(os, "fsync", recorded_fsync)
    monkeypatch.setattr(Path, "replace", recorded_replace)
    Profile(JsonFileBackend(tmp_path)).set_text_scale(150)
    settings = (tmp_path / "settings.json").stat()
    assert settings.st_size > 0
    saved = (settings.st_ino, settings.st_size)
    assert events == [("flushed", *saved), ("renamed", *saved)]


def test_settings_go_into_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    folder = tmp_path / "share" / "health-guide" / "org.example.guide"
    Profile(JsonFileBackend(folder)).set_text_scale(150)
    assert Profile(JsonFileBackend(folder)).text_scale() == 150


def test_the_file_a_killed_run_was_writing_is_cleared_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    mkstemp = tempfile.mkstemp

    def recorded_mkstemp(suffix: str | None = None, prefix: str | None = None,
                         dir: Path | None = None) -> tuple[int, str]:  # noqa: A002
        fd, name = mkstemp(suffix, prefix, dir)
        names.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", recorded_mkstemp)
    Profile(JsonFileBackend(tmp_path)).set_text_scale(150)
    (left,) = map(Path, names)
    left.write_text('{"text_sc')  # the run was killed while writing the same save again
    long_ago = time.time() - STALE_TEMPORARY_SECONDS - 5
    os.utime(left, (long_ago, long_ago))
    assert Profile(JsonFileBackend(tmp_path)).text_scale() == 150
    assert not left.exists()
