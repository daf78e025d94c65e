"""Measure typing and article switching inside one running app (run by benchmarks/harness.py).

Usage: python benchmarks/interaction.py PACK_DIR --rounds N --query fibromyalgia
                                       [--question "my husband doesn't understand"]

Prints one JSON object: per-letter keystroke-to-results-painted times (for the query, and for
a question in plain words if given), and article switch
times (tree selection to article painted) for a typical and for the longest article, both
the first time (rendered from Markdown) and again (from the page cache).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from guide.cache import PackCache, user_cache_dir
from guide.pages import PageSource
from guide.profile import MemoryBackend, Profile
from guide.ui.application import ensure_application, start
from guide.ui.main_window import MainWindow


class PaintFlag(QObject):
    """Remembers that a widget painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def until_painted(app: QApplication, flag: PaintFlag, action: Callable[[], object]) -> float:
    """Milliseconds from ``action`` until the flagged widget paints."""
    app.processEvents()
    flag.painted = False
    start_time = time.perf_counter()
    action()
    deadline = start_time + 10
    while not flag.painted and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return (time.perf_counter() - start_time) * 1000


def typing(app: QApplication, window: MainWindow, query: str, rounds: int,
           ) -> tuple[list[list[float]], list[list[float]]]:
    """Per-letter latencies, one list per round, for the names list and the full search.

    The first is keystroke to the names list painted; the second is the search of every
    article that follows a pause in typing, until its list is painted.
    """
    flag = PaintFlag(window.search_panel.results.viewport())
    names, full = [], []
    for _ in range(rounds):
        window.search.leave()
        window.search.focus()
        app.processEvents()
        per_letter, per_letter_full = [], []
        for letter in query:
            per_letter.append(until_painted(
                app, flag, partial(QTest.keyClick, window.search_box, letter)))
            per_letter_full.append(until_painted(app, flag, window.search_panel.finish))
        names.append(per_letter)
        full.append(per_letter_full)
    return names, full


def switching(app: QApplication, window: MainWindow, article_ids: list[str]) -> list[float]:
    """Milliseconds to show each article after choosing it in the tree."""
    flag = PaintFlag(window.article_view.viewport())
    times = []
    for article_id in article_ids:
        window.open_location(window.pack.home)
        index = window.nav_tree.nav_model().index_of_article(article_id)
        times.append(until_painted(app, flag, partial(window.nav_tree.setCurrentIndex, index)))
    return times


def main() -> int:
    """Measure and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--query", default="fibromyalgia")
    parser.add_argument("--question", default="", help="also time typing this question")
    args = parser.parse_args()
    app = ensure_application()
    cache = PackCache(args.pack, user_cache_dir())
    pack = cache.load()
    profile = Profile(MemoryBackend())
    profile.set_accepted_disclaimer(pack.disclaimer.version)
    window = start(pack, profile, pack.home, PageSource(pack, cache))
    assert window is not None
    window.resize(1290, 820)
    window.start_search_index(cache.search_index_file())
    window.wait_for_search_index(600_000)
    deadline = time.perf_counter() + 30
    while window.search_panel.index is None and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    window.nav_tree.setFocus(Qt.FocusReason.OtherFocusReason)
    # typical = median body length; longest = the longest body, sampled from the outline
    ids = [i for i in pack.outline.article_ids() if i != pack.home]
    sample = ids[:: max(1, len(ids) // 200)]
    by_length = sorted(sample, key=lambda i: len(pack.articles[i].body))
    longest = max(ids if len(ids) <= 2000 else sample, key=lambda i: len(pack.articles[i].body))
    middle = len(by_length) // 2
    typical = by_length[max(0, middle - args.rounds // 2):][: args.rounds]
    names, full = typing(app, window, args.query, args.rounds)
    report = {
        "articles": len(pack.outline.article_ids()),
        "typing": names,
        "typing_full": full,
        "typical_first": switching(app, window, typical),
        "typical_again": switching(app, window, typical),
        "longest_first": switching(app, window, [longest]),
        "longest_again": switching(app, window, [longest] * args.rounds),
        "longest_words": len(pack.articles[longest].body.split()),
        "typical_words": statistics.median(len(pack.articles[i].body.split()) for i in typical),
    }
    if args.question:
        report["question"], report["question_full"] = typing(app, window, args.question,
                                                             args.rounds)
    print(json.dumps(report))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
