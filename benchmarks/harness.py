"""Performance harness: start-up, typing, article switching, index build and memory.

Usage: python benchmarks/harness.py [--articles 10000] [--rounds 10] [--build-rounds 3]
                                    [--work benchmarks/results]

Generates (once) a synthetic pack of N articles, prepares the start-up caches the way a first
launch does, then measures side by side, as medians over the rounds:

- process start to first article painted: a bare PySide6 window with a QTextBrowser (the
  floor), the default pack and the N-article pack, alternately, in fresh processes;
- keystroke to search results painted, typing "fibromyalgia" letter by letter, at N, then
  a question in plain words;
- article switch (tree selection to article painted), typical and longest article, at N;
- search index build time and size at N; peak memory at first paint.
Offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import APP_DRIVER, BARE_DRIVER, paint_and_memory  # noqa: E402
from synthetic_pack import generate  # noqa: E402

from guide.cache import PackCache  # noqa: E402
from guide.locations import bundled_dir  # noqa: E402
from guide.pages import PageSource  # noqa: E402
from guide.search import SearchIndex  # noqa: E402

QUERY = "fibromyalgia"
QUESTION = "my husband doesn't understand"


def median_ms(values: list[float]) -> float:
    """Median of seconds, in milliseconds."""
    return statistics.median(values) * 1000


def synthetic(work: Path, count: int) -> Path:
    """The synthetic pack, generated on first use and then reused."""
    pack = work / f"synthetic-{count}"
    marker = pack / ".complete"
    if not marker.exists():
        print(f"generating {count} synthetic articles in {pack} ...", flush=True)
        generate(count, pack)
        marker.write_text("ok\n", encoding="utf-8")
    return pack


def first_launch(pack_dir: Path, cache_dir: Path, article: str) -> tuple[float, str]:
    """Parse, check and cache a pack as a first launch does; return seconds and the article."""
    start = time.perf_counter()
    cache = PackCache(pack_dir, cache_dir)
    pack = cache.load()
    elapsed = time.perf_counter() - start
    article = article if article in pack.articles else pack.home
    PageSource(pack, cache).html(article)  # the page a reader opens first, rendered once
    index_file = cache.search_index_file()
    if index_file is not None and not index_file.exists():
        SearchIndex.build(pack, index_file)
    return elapsed, article


def startup(env: dict[str, str], packs: dict[str, tuple[Path, str]], profile: Path,
            page: Path, rounds: int) -> dict[str, tuple[list[float], list[int]]]:
    """Start-up times and peak memory, alternating the floor and each pack."""
    runs = {"floor": [sys.executable, "-c", BARE_DRIVER, str(page)]}
    for name, (pack_dir, article) in packs.items():
        runs[name] = [sys.executable, "-c", APP_DRIVER, "--content", str(pack_dir),
                      "--profile", str(profile), "--open", article]
    results: dict[str, tuple[list[float], list[int]]] = {name: ([], []) for name in runs}
    for argv in runs.values():  # warm the file cache; not counted
        paint_and_memory(argv, env)
    for _ in range(rounds):
        for name, argv in runs.items():
            seconds, peak = paint_and_memory(argv, env)
            results[name][0].append(seconds)
            results[name][1].append(peak)
    return results


def interaction(env: dict[str, str], pack_dir: Path, rounds: int) -> dict[str, object]:
    """Typing and switching figures measured inside a running app."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "interaction.py"), str(pack_dir),
         "--rounds", str(rounds), "--query", QUERY, "--question", QUESTION],
        env=env, capture_output=True, text=True, check=True, timeout=1800)
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def index_build(pack_dir: Path, cache_dir: Path, rounds: int) -> tuple[list[float], int]:
    """Seconds to build the search index (from the cached pack), and the file size."""
    cache = PackCache(pack_dir, cache_dir)
    pack = cache.load()
    times = []
    size = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(rounds):
            path = Path(tmp) / f"index-{number}.sqlite"
            start = time.perf_counter()
            SearchIndex.build(pack, path).close()
            times.append(time.perf_counter() - start)
            size = path.stat().st_size
    return times, size


def main() -> int:
    """Run everything and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--build-rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    big = synthetic(args.work, args.articles)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed apps run from compiled bytecode
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = Path(tmp) / "cache"
        env["HEALTH_GUIDE_CACHE_DIR"] = str(cache_dir)
        os.environ["HEALTH_GUIDE_CACHE_DIR"] = str(cache_dir)
        print("first launches (parse, check, cache, index) ...", flush=True)
        default_seconds, default_article = first_launch(
            bundled_dir("content"), cache_dir, "medicines/ketamine-infusion")
        big_seconds, big_article = first_launch(big, cache_dir, "s010/a05000")
        profile = Path(tmp) / "profile"
        profile.mkdir()
        (profile / "settings.json").write_text('{"accepted_disclaimer": "1"}', encoding="utf-8")
        page = Path(tmp) / "page.html"
        page.write_text(PageSource(PackCache(bundled_dir("content"), cache_dir).load())
                        .html(default_article), encoding="utf-8")
        print("start-up ...", flush=True)
        starts = startup(env, {"default": (bundled_dir("content"), default_article),
                               "big": (big, big_article)}, profile, page, args.rounds)
        print("typing and switching ...", flush=True)
        typing = interaction(env, big, args.rounds)
        print("index build ...", flush=True)
        build_times, build_size = index_build(big, cache_dir, args.build_rounds)
    report(args, starts, typing, build_times, build_size, default_first=default_seconds,
           big_first=big_seconds)
    return 0


def report(args: argparse.Namespace, starts: dict[str, tuple[list[float], list[int]]],
           typing: dict[str, object], build_times: list[float], build_size: int, *,
           default_first: float, big_first: float) -> None:
    """Print the figures and the targets."""
    floor = median_ms(starts["floor"][0])
    floor_peak = statistics.median(starts["floor"][1]) / 1024
    n = args.articles
    print()
    print(f"Health Guide performance, {args.rounds} rounds, medians "
          f"({os.cpu_count()} cores, {os.environ.get('QT_QPA_PLATFORM', 'offscreen')})")
    print(f"{'measure':58s} {'value':>10s}  {'target':>14s}")
    rows: list[tuple[str, str, str]] = []
    for name, label, target in (("floor", "start-up: bare PySide6 window (floor)", ""),
                                ("default", "start-up: default pack, first article painted",
                                 "<= 1.3x floor"),
                                ("big", f"start-up: {n:,} articles, first article painted",
                                 "<= 1.5x floor")):
        value = median_ms(starts[name][0])
        ratio = f" ({value / floor:.2f}x)" if name != "floor" else ""
        rows.append((label, f"{value:.0f} ms{ratio}", target))
    per_letter = typing["typing"]
    assert isinstance(per_letter, list)
    letters = [statistics.median(r[i] for r in per_letter) for i in range(len(QUERY))]
    rows.append((f"keystroke to results, letters 1-2 of '{QUERY}' ({n:,})",
                 " / ".join(f"{v:.1f}" for v in letters[:2]) + " ms", "<= 50 ms"))
    rows.append((f"keystroke to results, letters 3-{len(QUERY)} (median, worst)",
                 f"{statistics.median(letters[2:]):.1f}, {max(letters[2:]):.1f} ms", "<= 16 ms"))
    full = typing["typing_full"]
    assert isinstance(full, list)
    full_letters = [statistics.median(r[i] for r in full) for i in range(len(QUERY))]
    rows.append(("  then, after a pause, every article searched (median, worst)",
                 f"{statistics.median(full_letters):.1f}, {max(full_letters):.1f} ms", ""))
    for key, label, target in (
            ("question", f"keystroke, '{QUESTION}' (median, worst)", "<= 16 ms"),
            ("question_full", "  then, after a pause, every article searched", "")):
        rounds = typing[key]
        assert isinstance(rounds, list)
        keys = [statistics.median(r[i] for r in rounds) for i in range(len(QUESTION))]
        rows.append((label, f"{statistics.median(keys):.1f}, {max(keys):.1f} ms", target))
    for key, label, target in (
            ("typical_again", f"article switch, typical ({typing['typical_words']} words)",
             "<= 30 ms"),
            ("typical_first", "  same, first view (rendered from Markdown)", ""),
            ("longest_again", f"article switch, longest ({typing['longest_words']} words)", ""),
            ("longest_first", "  same, first view (rendered from Markdown)", "")):
        values = typing[key]
        assert isinstance(values, list)
        rows.append((label, f"{statistics.median(values):.1f} ms", target))
    rows.append((f"search index build, {n:,} articles ({len(build_times)} rounds)",
                 f"{statistics.median(build_times):.1f} s", ""))
    rows.append(("search index size", f"{build_size / 1e6:.0f} MB", ""))
    rows.append(("first launch: parse, check and cache the default pack",
                 f"{default_first:.2f} s", ""))
    rows.append((f"first launch: parse, check and cache {n:,} articles", f"{big_first:.0f} s",
                 ""))
    for name, label in (("floor", "peak memory at first paint: floor"),
                        ("default", "peak memory at first paint: default pack"),
                        ("big", f"peak memory at first paint: {n:,} articles")):
        peak_mib = statistics.median(starts[name][1]) / 1024
        ratio = f" ({peak_mib / floor_peak:.2f}x)" if name != "floor" else ""
        rows.append((label, f"{peak_mib:.0f} MiB{ratio}",
                     "<= 2x floor" if name == "big" else ""))
    for label, shown, target in rows:
        print(f"{label:58s} {shown:>18s}  {target}")


if __name__ == "__main__":
    sys.exit(main())
