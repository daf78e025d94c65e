"""Settings after a crash: half-written files of killed runs are cleared, recent ones kept."""

from __future__ import annotations

import os
import time
from pathlib import Path

from guide.profile import STALE_TEMPORARY_SECONDS, JsonFileBackend, Profile


def test_half_written_files_of_killed_runs_are_removed_later(tmp_path: Path) -> None:
    Profile(JsonFileBackend(tmp_path)).set_last_article("welcome")
    old = tmp_path / ".settings.json-killed.tmp"
    recent = tmp_path / ".settings.json-writing-now.tmp"
    unrelated = tmp_path / "notes.tmp"
    for path in (old, recent, unrelated):
        path.write_text("{half")
    long_ago = time.time() - STALE_TEMPORARY_SECONDS - 5
    os.utime(old, (long_ago, long_ago))
    os.utime(unrelated, (long_ago, long_ago))
    profile = Profile(JsonFileBackend(tmp_path))
    assert profile.last_article() == "welcome"
    assert not old.exists()
    assert recent.exists()  # another running copy may be writing it now
    assert unrelated.exists()  # not ours
