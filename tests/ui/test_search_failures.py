"""Search never fails silently: a build error, a damaged index, and closing mid-build."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from guide import search as search_module
from guide.model import Pack
from guide.search import SearchIndex
from guide.ui.main_window import MainWindow


def test_a_failed_build_says_search_is_unavailable(qtbot: QtBot,
                                                   launch: Callable[..., MainWindow],
                                                   tiny_pack: Pack,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> SearchIndex:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SearchIndex, "build", fail)
    window = launch(tiny_pack)
    window.search_box.setText("alpha")
    window.start_search_index(None)
    qtbot.wait_until(lambda: "not available" in window.search_panel.status.text())
    assert "No space left on device" in window.search_panel.status.text()
    assert "Getting search ready" not in window.search_panel.status.text()
    assert window.search_panel.glossary_button.isVisibleTo(window.search_panel)


def test_a_cached_index_of_another_pack_is_not_trusted(
        qtbot: QtBot, launch: Callable[..., MainWindow], tiny_pack: Pack,
        make_pack: Callable[..., Path], tmp_path: Path) -> None:
    cached = tmp_path / "search.sqlite"
    built = SearchIndex.build(tiny_pack, cached)
    built.close()
    db = sqlite3.connect(cached)  # still a valid-looking index, now without one article
    db.execute("DELETE FROM docs WHERE id = 'treatments/alpha'")
    db.commit()
    db.close()
    window = launch(tiny_pack)
    window.start_search_index(cached)
    window.search_box.setText("alpha")
    qtbot.wait_until(lambda: window.search_panel.model.rowCount() > 0)
    assert window.search_panel.results.current_article_id() == "treatments/alpha"


def test_an_index_that_breaks_while_searching_is_built_again(
        qtbot: QtBot, launch: Callable[..., MainWindow], tiny_pack: Pack,
        tmp_path: Path) -> None:
    window = launch(tiny_pack)
    window.start_search_index(tmp_path / "search.sqlite")
    window.search_box.setText("alp")
    qtbot.wait_until(lambda: window.search_panel.model.rowCount() > 0)
    index = window.search_panel.index
    assert index is not None
    index.close()  # the database goes away under it
    window.search_box.setText("beta")
    assert "being built again" in window.search_panel.status.text()
    qtbot.wait_until(lambda: window.search_panel.index is not None
                     and window.search_panel.index is not index, timeout=10_000)
    window.search_box.setText("beta risks")
    window.search_panel.finish()
    assert window.search_panel.results.current_article_id() == "treatments/beta"


def test_closing_stops_a_long_build_instead_of_waiting_for_it(
        qtbot: QtBot, launch: Callable[..., MainWindow], tiny_pack: Pack,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "BUILD_BATCH", 1)
    started = threading.Event()
    real_row = search_module._row

    def slow_row(*args: Any) -> Any:  # a pack so large that the build takes minutes
        started.set()
        time.sleep(0.05)  # in the worker thread: the test itself never sleeps
        return real_row(*args)

    monkeypatch.setattr(search_module, "_row", slow_row)
    window = launch(tiny_pack)
    ready: list[object] = []
    window.start_search_index(None)
    loader = window.search._loader
    assert loader is not None
    loader.index_ready.connect(ready.append)
    assert started.wait(5)
    begun = time.monotonic()
    window.close()
    assert time.monotonic() - begun < 1.0
    qtbot.wait_until(loader.isFinished)
    assert ready == []
