"""Start-up of the frozen bundle against a frozen bare PySide6 window: what a member waits for.

Usage: python benchmarks/bundle_startup.py [--rounds N] [--content DIR] [--open ARTICLE_ID]

Builds two PyInstaller bundles the way ``health-guide build`` does (same spec, same modules
and plugins left out): the edition, with its pack and shipped start-up cache, and a bare
QMainWindow + QTextBrowser showing the same article. Each entry script also reports the first
paint of the article view (benchmarks/startup.py's watcher). Runs both alternately, each in a
fresh process with an empty home folder (a member's first launch), and prints the median time
from spawning the process to that paint. Needs the build tools (``pip install -e ".[build]"``);
building takes about half a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import APP_DRIVER, BARE_DRIVER, paint_and_memory  # noqa: E402

from guide.build import freeze, run_pyinstaller, stage  # noqa: E402
from guide.bundle_spec import BundleSpec  # noqa: E402
from guide.cache import open_cache  # noqa: E402
from guide.locations import bundled_dir  # noqa: E402
from guide.render import Renderer  # noqa: E402


def build_bundles(content: Path, work: Path) -> tuple[Path, Path]:
    """The edition's bundle and the bare window's, both with a first-paint reporter."""
    (work / "stage").mkdir(parents=True)
    pack = stage(content, work / "stage")
    app = freeze(pack, work / "dist", work, launcher=APP_DRIVER)
    bare_entry = work / "bare.py"
    bare_entry.write_text(BARE_DRIVER, encoding="utf-8")
    bare_spec = BundleSpec(name="bare-window", app_name="Bare window", bundle_id="bare.window",
                           version="0", entry=bare_entry, source_root=ROOT, datas=())
    run_pyinstaller(bare_spec, work / "dist", work)
    return app / pack.edition.slug, work / "dist" / "bare-window" / "bare-window"


def main() -> int:
    """Build, measure and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--open", dest="article", default="medicines/ketamine-infusion")
    args = parser.parse_args()
    content = (args.content or bundled_dir("content")).resolve()
    with tempfile.TemporaryDirectory(prefix="bundle-startup-") as tmp:
        work = Path(tmp)
        app, bare = build_bundles(content, work / "build")
        pack_root = app.parent / "_internal" / "content"
        pack = open_cache(pack_root, write=False).load()
        article = pack.article(args.article) or pack.articles[pack.home]
        page = work / "article.html"
        page.write_text(Renderer(pack).article_html(article), encoding="utf-8")
        home = work / "home"
        profile = work / "profile"
        profile.mkdir()
        (profile / "settings.json").write_text(
            json.dumps({"accepted_disclaimer": pack.disclaimer.version}), encoding="utf-8")
        env = {"HOME": str(home), "PATH": os.environ.get("PATH", ""),
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        app_argv = [str(app), "--profile", str(profile), "--open", article.id]
        bare_argv = [str(bare), str(page)]
        for argv in (app_argv, bare_argv):  # the first run of each reads from disk: not counted
            paint_and_memory(argv, env)
        times: dict[str, list[float]] = {"bare": [], "app": []}
        memory: dict[str, list[int]] = {"bare": [], "app": []}
        for _ in range(args.rounds):
            for key, argv in (("bare", bare_argv), ("app", app_argv)):
                seconds, peak = paint_and_memory(argv, env)
                times[key].append(seconds)
                memory[key].append(peak)
        wrote = sorted(str(p.relative_to(home)) for p in home.rglob("*")) if home.exists() else []
    print(f"article: {article.id}, {len(pack.articles)} articles in the pack")
    print(f"rounds: {args.rounds} each, alternating; platform {env['QT_QPA_PLATFORM']}")
    labels = {"bare": "bundled bare PySide6 QMainWindow + QTextBrowser",
              "app": f"bundled {pack.edition.app_name} (shipped start-up cache)"}
    floor = statistics.median(times["bare"])
    for key, label in labels.items():
        median = statistics.median(times[key])
        print(f"{label:56s} median {median * 1000:6.1f} ms  (min {min(times[key]) * 1000:6.1f}, "
              f"max {max(times[key]) * 1000:6.1f})  ratio {median / floor:.2f}  "
              f"peak {statistics.median(memory[key]) / 1024:.0f} MiB")
    print(f"written in the home folder: {', '.join(wrote) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
