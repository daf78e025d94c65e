"""Start-up benchmark: process start to the first article painted, against a bare Qt window.

Usage: python benchmarks/startup.py [--rounds N] [--content DIR] [--open ARTICLE_ID]

Runs a bare PySide6 QMainWindow + QTextBrowser (the floor), the app with its start-up cache
warm (every launch after the first) and the app with no cache (the very first launch)
alternately, each in a fresh process, and prints the median time from spawning the process to
the first paint of the article view, and the ratios to the floor. Offscreen unless
QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both drivers print "painted" and exit at once when the article viewport first paints.
WATCHER = """
import os, resource
from PySide6.QtCore import QEvent, QObject
class _Watcher(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.parent() is not None \\
                and obj.parent().objectName() == "articleView":
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            try:  # ru_maxrss survives exec (it may be the parent's); VmHWM is this process's
                with open("/proc/self/status") as status:
                    peak_kb = next(int(line.split()[1]) for line in status
                                   if line.startswith("VmHWM:"))
            except (OSError, StopIteration):
                pass
            print(f"painted {peak_kb}", flush=True)
            os._exit(0)
        return False
"""

APP_DRIVER = WATCHER + """
import sys
from PySide6.QtWidgets import QApplication
import guide.ui.application as application
_ensure = application.ensure_application
def ensure_application(argv=None):
    app = _ensure(argv)
    app._watcher = _Watcher()
    app.installEventFilter(app._watcher)
    return app
application.ensure_application = ensure_application
from guide.app import main
sys.exit(main(sys.argv[1:]))
"""

BARE_DRIVER = WATCHER + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv[:1])
watcher = _Watcher()
app.installEventFilter(watcher)
window = QMainWindow()
view = QTextBrowser()
view.setObjectName("articleView")
view.setHtml(open(sys.argv[1], encoding="utf-8").read())
window.setCentralWidget(view)
window.resize(1290, 820)
window.show()
sys.exit(app.exec())
"""


def time_to_paint(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``argv`` until it prints "painted"."""
    return paint_and_memory(argv, env)[0]


def paint_and_memory(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds until ``argv`` prints "painted", and its peak memory (KiB) at that moment."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=30)
    word, _, peak = line.strip().partition(" ")
    if word != "painted":
        raise RuntimeError(f"{argv[:3]} did not paint (exit {process.returncode})")
    return elapsed, int(peak)


def main() -> int:
    """Measure and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--open", dest="article", default="medicines/ketamine-infusion")
    parser.add_argument("--no-cold", action="store_true",
                        help="skip first-launch runs (they parse the whole pack each time)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from guide.content import load_pack  # noqa: PLC0415
    from guide.locations import bundled_dir  # noqa: PLC0415
    from guide.render import Renderer  # noqa: PLC0415

    content = args.content or bundled_dir("content")
    pack = load_pack(content)
    article = pack.article(args.article) or pack.articles[pack.home]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    # An installed app has byte-compiled modules (pip compiles them at install time); measure
    # that, not a sandbox that forbids writing .pyc files.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "guide", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env["HEALTH_GUIDE_CACHE_DIR"] = str(Path(tmp) / "cache")
        profile = Path(tmp) / "profile"
        profile.mkdir()
        (profile / "settings.json").write_text(
            json.dumps({"accepted_disclaimer": pack.disclaimer.version}), encoding="utf-8")
        page = Path(tmp) / "article.html"
        page.write_text(Renderer(pack).article_html(article), encoding="utf-8")
        app_argv = [sys.executable, "-c", APP_DRIVER, "--content", str(content),
                    "--profile", str(profile), "--open", article.id]
        bare_argv = [sys.executable, "-c", BARE_DRIVER, str(page)]
        for argv in (app_argv, bare_argv):  # warm the file cache once, not counted
            time_to_paint(argv, env)
        cold_env = {**env, "HEALTH_GUIDE_CACHE_DIR": ""}
        times: dict[str, list[float]] = {"bare": [], "warm": [], "cold": []}
        for _ in range(args.rounds):
            times["bare"].append(time_to_paint(bare_argv, env))
            times["warm"].append(time_to_paint(app_argv, env))
            if not args.no_cold:
                times["cold"].append(time_to_paint(app_argv, cold_env))
    words = len(article.body.split())
    print(f"article: {article.id} ({words} words), {len(pack.articles)} articles in the pack")
    print(f"rounds: {args.rounds} each, alternating; platform {env['QT_QPA_PLATFORM']}")
    floor = statistics.median(times["bare"])
    labels = {
        "bare": "bare PySide6 QMainWindow + QTextBrowser",
        "warm": "Health Guide, start-up cache warm",
        "cold": "Health Guide, no cache (first launch)",
    }
    for key, label in labels.items():
        values = times[key]
        if not values:
            continue
        median = statistics.median(values)
        print(f"{label:42s} median {median * 1000:6.1f} ms  (min {min(values) * 1000:6.1f}, "
              f"max {max(values) * 1000:6.1f})  ratio {median / floor:.2f}")
    print("target: ratio <= 1.30 for the default pack")
    return 0


if __name__ == "__main__":
    sys.exit(main())
