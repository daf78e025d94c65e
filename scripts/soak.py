"""Soak test: thousands of random reader actions in one process; memory and Qt warnings.

Usage: python scripts/soak.py [--actions 10000] [--seed 1] [--content DIR]

Opens the guide offscreen and, at random, opens articles, goes back and forward, searches
(and opens a result), changes the text size, opens the quick facts and the find bar. It
prints the resident memory after a warm-up and at the end, the growth, every Qt warning and
the time taken. Exit code 1 if memory grew by 5 MB or more after warm-up, or Qt warned.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from guide.content import load_pack
from guide.links import FACTS_PAGE
from guide.locations import bundled_dir
from guide.profile import MemoryBackend, Profile
from guide.ui.application import ensure_application, start

WORDS = ("pain", "sleep", "tramadol", "pregnant", "can I keep working", "fog", "ketamine",
         "insurance won't pay", "tired", "xyz", '"brain fog"', "*", "", "exercise")
IGNORED = ("propagateSizeHints",)  # the offscreen platform says this for every window
LIMIT_MB = 5.0


def resident_mb() -> float:
    """Resident memory of this process (VmRSS), in MB."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return kb / 1024


def main() -> int:
    """Run the actions and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--content", type=Path, default=None)
    args = parser.parse_args()
    warnings: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and not any(i in message for i in IGNORED):
            warnings.append(message)

    qInstallMessageHandler(handler)
    app = ensure_application()
    pack = load_pack(args.content or bundled_dir("content"))
    profile = Profile(MemoryBackend())
    profile.set_accepted_disclaimer(pack.disclaimer.version)
    window = start(pack, profile)
    assert window is not None
    window.resize(1280, 800)
    window.start_search_index(None)
    window.wait_for_search_index()
    app.processEvents()
    articles = list(pack.articles)
    rng = random.Random(args.seed)  # noqa: S311 - a repeatable walk, not a secret
    def open_first_result() -> None:
        window.search_panel.finish()
        window.search_panel.open_current()

    actions = [
        lambda: window.open_location(rng.choice(articles)),
        lambda: window.open_location(rng.choice(articles)),
        window.go_back,
        window.go_forward,
        window.go_home,
        lambda: window.open_location(FACTS_PAGE),
        lambda: window.text_size.step(rng.choice((-1, 1))),
        lambda: window.search_box.setText(rng.choice(WORDS)),
        open_first_result,
        window.search.leave,
        window.find_bar.open_bar,
        window.find_bar.close_bar,
    ]
    warm_up = max(1, args.actions // 5)
    began = time.monotonic()
    baseline = 0.0
    for number in range(args.actions):
        rng.choice(actions)()
        app.processEvents()
        if number + 1 == warm_up:
            baseline = resident_mb()
        if (number + 1) % max(1, args.actions // 10) == 0:
            print(f"  after {number + 1:6d} actions: {resident_mb():.1f} MB", flush=True)
    end = resident_mb()
    seconds = time.monotonic() - began
    growth = end - baseline
    print(f"{args.actions} actions in {seconds:.0f} s ({1000 * seconds / args.actions:.1f} ms "
          f"each); memory after {warm_up} actions {baseline:.1f} MB, at the end {end:.1f} MB, "
          f"growth {growth:+.1f} MB (limit {LIMIT_MB:.0f}); Qt warnings: {len(warnings)}")
    for message in sorted(set(warnings))[:20]:
        print(f"  Qt: {message}")
    window.allow_close()
    window.close()
    return 0 if growth < LIMIT_MB and not warnings else 1


if __name__ == "__main__":
    sys.exit(main())
