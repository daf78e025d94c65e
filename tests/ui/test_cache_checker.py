"""A large pack's cache is checked after start, and the reader hears when files changed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide.cache import PackCache
from guide.ui.cache_checker import CacheChecker


def test_changed_files_are_reported_after_start(qtbot: QtBot, make_pack: Callable[..., Path],
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", 0)
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    page = root / "articles" / "living" / "pacing.md"
    page.write_text(page.read_text() + "\nMore.\n")
    os.utime(page, ns=(5, 5))
    cache = PackCache(root, tmp_path / "cache")
    cache.load()
    checker = CacheChecker(cache)
    with qtbot.wait_signal(checker.stale_found, timeout=10_000):
        checker.start()
    checker.wait()
    assert cache.checked


def test_unchanged_files_say_nothing(qtbot: QtBot, make_pack: Callable[..., Path],
                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("guide.cache.CHECK_BEFORE_USE_LIMIT", 0)
    root = make_pack()
    PackCache(root, tmp_path / "cache").load()
    cache = PackCache(root, tmp_path / "cache")
    cache.load()
    checker = CacheChecker(cache)
    with qtbot.assert_not_emitted(checker.stale_found), qtbot.wait_signal(checker.finished):
        checker.start()
    assert cache.checked
