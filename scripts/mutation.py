"""Mutation testing of the core modules with mutmut: the kill rate and every survivor.

Usage: python scripts/mutation.py [MODULE ...] [--jobs 2] [--work build/mutation] [--report]

For each core module (default: all of :data:`MODULES`) mutmut plants small bugs (about
2,200 in all), one at a time, and runs the tests that exercise the changed function, from a
fast subset of the suite chosen for that module. A mutant is killed when a test fails, when
the tests hang (a time-out), or when ``mypy --strict`` rejects it (the suite runs mypy, so
it would fail too; the report gives the tests' own rate as well). The script prints, per
module and in all, the mutants, how many were killed and how, the kill rate, the runtime,
and every survivor as its changed line; survivors known to be equivalent (no behaviour can
tell them apart) are listed apart with the reason.

Needs the ``dev`` extra (``pip install -e '.[dev]'``). Not run in CI: about 10 minutes on
two cores. Each module is tested in its own copy of the working tree under ``--work``
(``build/`` is ignored by git), so nothing is written into the sources. Each run starts
over: mutmut would reuse results of unchanged functions even when the tests changed.
Exit code 1 when the kill rate is below ``--target`` percent.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_PERCENT = 85.0

MODULES: dict[str, tuple[str, ...]] = {
    "atomic": ("test_mutants_atomic", "test_profile", "test_profile_recovery", "test_cache"),
    "profile": ("test_profile", "test_profile_recovery", "test_mutants_profile",
                "test_mutants_atomic"),
    "history": ("test_history",),
    "links": ("test_links", "test_mutants_paths", "test_render", "test_mutants_content"),
    "locations": ("test_locations", "test_mutants_paths", "test_content"),
    "query": ("test_query", "test_mutants_search", "test_search"),
    "search": ("test_mutants_search", "test_search", "test_search_relevance"),
    "sanitise": ("test_mutants_paths", "test_mutants_content", "test_render",
                 "test_render_markdown"),
    "cache": ("test_cache", "test_mutants_cache", "test_prebuilt"),
    "manifest": ("test_manifest", "test_mutants_manifest", "test_content", "test_checker"),
    "checker": ("test_checker", "test_mutants_manifest"),
}
"""Core module (under ``guide/``) -> the test files (under ``tests/``) that run on its
mutants. Qt-free tests only: they run in seconds and the core imports no Qt."""

DESELECTED = (
    # starts Python in a subprocess, which imports mutmut's copy without mutmut's set-up
    "tests/test_cache.py::test_editing_the_renderer_renews_cached_pages",
)

EQUIVALENT: tuple[tuple[str, str, str], ...] = (
    # (module or "*", regular expression matched against the mutated line, why no behaviour
    # can tell it from the original); a reason starting with "case:" applies only when the
    # mutant changed nothing but letter case
    ("*", r"(?i)utf-8", "case: codec names are read in any case"),
    ("*", r"</?[A-Za-z]+>", "case: HTML tags are read in any case"),
    ("search", r"(?i)select |insert |pragma |_rowids\(",
     "case: SQLite reads keywords and table names in any case"),
    ("search", r'connect\(f"file:\{path\}\?mode=ro", (uri=False, )?check_same_thread',
     "this SQLite reads file: names as URIs anyway (built with SQLITE_USE_URI)"),
    ("search", r"if len\(batch\) != BUILD_BATCH",
     "changes only how often the build inserts and asks to stop: the same index"),
    ("search", r'"XX ; XX"\.join\(article\.also_called\)',
     "puts a word 'xx' between other names: found only by searching for 'xx'"),
    ("search", r"if len\(every\) >= 1 and|if len\(every\) > 1 or|len\(self\._hits\) <= limit",
     "partial matches add nothing to a full list, and for one word repeat the full search"),
    ("search", r"if wanted < 0:", "with no room left the query fetches no rows anyway"),
    ("search", r"get\(row\[0\], 1\.0\)",
     "every row sorted there has a name weight: the default is never read"),
    ("query", r'whole if \(unique\) or True|whole if unique else "XXXX"',
     "a query without words is never searched, so its phrase is never read"),
    ("atomic", r"durable: bool = True\)",
     "caches would be flushed to disk too: slower, the same files"),
    ("profile", r"st_mtime <= cutoff", "a file exactly as old as the limit, to the nanosecond"),
    ("profile", r"now\(tz=None\)",
     "names the kept copy by local time instead of UTC: still a unique, dated name"),
    ("cache", r"hexdigest\(\)\[:3[3]\]|hexdigest\(\)\[:17\]",
     "a one-letter-longer name for the same folder or file"),
    ("cache", r"protocol=None\)|snapshot\), \)\)", "another pickle protocol, read back the same"),
    ("cache", r'SHIPPED_STAMP\)\.read_text\(encoding=None\)',
     "the stamp is ASCII (a version and a hex digest): read alike in every encoding"),
    ("cache", r'self\.fingerprint = "XXXX"', "load() sets it before any page is read or written"),
    ("cache", r"FORGET_AFTER_DAYS \* 86401|st_mtime <= cutoff",
     "ninety days and a minute and a half, or to the nanosecond: the same folders go"),
    ("cache", r"if not entry\.is_dir\(\) and entry == self\._pack_dir",
     "its own folder was just written (never stale) and stray files are left either way"),
    ("manifest", r"list\(known\), n=2,$|list\(known\), cutoff=0\.6\)$|^\)$",
     "only the first close match is used, and these are difflib's defaults"),
    ("manifest", r'replace\("XX-XX", "_"\)|replace\("-", "XX_XX"\)',
     "difflib finds the key with a hyphen or an underscore alike"),
    ("manifest", r'get\("warning_seconds", 1\)',
     "idle_seconds is at least 10: 0 or 1 never reaches it"),
    ("manifest", r'text or "XXXX"',
     "the text is missing only when reading failed, which raised already"),
    ("checker", r'choices=\("text", "json"\), (default=(None|"XXtextXX"|"TEXT"),|help=)',
     "anything but json is printed as text"),
    ("checker", r"if \(args\.directory\) and False else",
     "the folder checked is the one named: the same prefix"),
)
"""Survivors that are not bugs, each with the reason."""

# mutmut copies tests/ with shutil.copytree, which follows symbolic links; a test pack holds
# a deliberate symlink loop (tests/packs/broken), so the copy keeps links as links instead
_MUTMUT = """
import shutil, sys
_copytree = shutil.copytree
def copytree(src, dst, symlinks=True, *args, **kwargs):
    return _copytree(src, dst, True, *args, **kwargs)
shutil.copytree = copytree
from mutmut.__main__ import cli
sys.argv[0] = "mutmut"
cli()
"""
_RESULT = re.compile(r"^\s+(?P<name>\S+): (?P<status>.+)$")
KILLED = frozenset({"killed", "timeout", "caught by type check"})


@dataclass
class Survivor:
    """A mutant no test noticed, and the line it changed."""

    name: str
    status: str
    before: str
    after: str
    equivalent: str = ""
    """Why it is equivalent, if it is."""


@dataclass
class Outcome:
    """The mutants of one module."""

    module: str
    total: int = 0
    killed: Counter[str] = field(default_factory=Counter)
    """How many were killed each way: by a test, by mypy, by a time-out."""
    survivors: list[Survivor] = field(default_factory=list)
    seconds: float = 0.0
    failed: bool = False
    """mutmut stopped with an error (its log says why)."""

    @property
    def equivalent(self) -> int:
        """Survivors known to be equivalent."""
        return sum(bool(s.equivalent) for s in self.survivors)


def snapshot(work: Path) -> None:
    """Copy the working tree's files (tracked, and new ones git does not ignore) to ``work``.

    Times are kept, so mutmut sees which files changed since its last run there.
    """
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for entry in work.iterdir():
        if entry.name == "mutants":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for name in filter(None, listed):
        source, target = ROOT / name, work / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree, not yet in git
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(source.readlink())
        elif source.is_file():
            shutil.copy2(source, target)


def configure(work: Path, module: str, tests: tuple[str, ...]) -> None:
    """Append mutmut's settings for one module to the copy's pyproject.toml.

    mypy is told to ignore what mutmut's generated code does (several versions of a method
    setting the same attribute, ``type: ignore`` comments it adds), never a mutant's types.
    """
    path = f"guide/{module}.py"
    selection = ", ".join([*(f'"tests/{name}.py"' for name in tests), '"-m"', '"not slow"',
                           *(f'"--deselect", "{node}"' for node in DESELECTED)])
    with (work / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write(f"""
[tool.mutmut]
source_paths = ["guide"]
only_mutate = ["{path}"]
also_copy = ["content", "resources", "packaging", "benchmarks", "scripts", "main.py",
             "README.md"]
pytest_add_cli_args = ["-p", "no:cacheprovider"]
# a mutant that makes the tests three times slower loops for ever: stop it sooner than the
# default (15 times), or a few endless loops take most of the run
timeout_multiplier = 3.0
pytest_add_cli_args_test_selection = [{selection}]
type_check_command = ["{sys.executable}", "-m", "mypy", "--output", "json",
                      "--no-warn-unused-ignores", "--disable-error-code", "no-redef", "{path}"]
""")


def mutmut(work: Path, *args: str, log: Path | None = None) -> str:
    """Run a mutmut command in ``work``; its output (or, with ``log``, write it there)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-c", _MUTMUT, *args]
    if log is None:
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                              check=True).stdout
    with log.open("w", encoding="utf-8") as handle:
        subprocess.run(command, cwd=work, env=env, stdout=handle, stderr=subprocess.STDOUT,
                       check=True)
    return ""


def changed_line(diff: str) -> tuple[str, str]:
    """The first removed and added lines of a mutant's diff."""
    removed = [line[1:].strip() for line in diff.splitlines()
               if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff.splitlines()
             if line.startswith("+") and not line.startswith("+++")]
    return (removed[0] if removed else ""), (added[0] if added else "")


def why_equivalent(module: str, before: str, after: str) -> str:
    """The reason a survivor is equivalent, or ``""``."""
    for known_module, pattern, reason in EQUIVALENT:
        if known_module not in {module, "*"} or not re.search(pattern, after):
            continue
        if not reason.startswith("case: "):
            return reason
        if before != after and before.casefold() == after.casefold():
            return reason.removeprefix("case: ")
    return ""


def test_module(module: str, tests: tuple[str, ...], work: Path, jobs: int, *,
                run: bool) -> Outcome:
    """Plant and test every mutant of ``guide/<module>.py`` (``run=False``: last results)."""
    started = time.monotonic()
    if run:
        snapshot(work)
        configure(work, module, tests)
        # mutmut copies the tests again on each run; a copy cannot go over the links it made
        shutil.rmtree(work / "mutants" / "tests", ignore_errors=True)
        log = work.parent / f"{module}.log"
        try:
            mutmut(work, "run", "--max-children", str(jobs), log=log)
        except subprocess.CalledProcessError:
            print(f"  mutmut failed: see {log}", flush=True)
            return Outcome(module, failed=True)
    outcome = Outcome(module, seconds=time.monotonic() - started)
    for line in mutmut(work, "results", "--all", "true").splitlines():
        match = _RESULT.match(line)
        if match is None or not match["name"].startswith(f"guide.{module}."):
            continue
        outcome.total += 1
        if match["status"] in KILLED:
            outcome.killed[match["status"]] += 1
            continue
        before, after = changed_line(mutmut(work, "show", match["name"]))
        outcome.survivors.append(Survivor(match["name"], match["status"], before, after,
                                          why_equivalent(module, before, after)))
    return outcome


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def report(outcomes: list[Outcome], seconds: float) -> float:
    """Print the table and the survivors; returns the kill rate in percent."""
    columns = (f"{'module':<10}{'mutants':>8}{'tests':>7}{'mypy':>6}{'time-out':>9}"
               f"{'survived':>9}{'equiv.':>7}{'killed':>8}{'time':>7}")
    print(f"\n{columns}\n{'-' * len(columns)}")
    everything = Outcome("all", seconds=seconds)
    for o in [*outcomes, everything]:
        if o is everything:
            print("-" * len(columns))
        else:
            everything.total += o.total
            everything.killed.update(o.killed)
            everything.survivors.extend(o.survivors)
        print(f"{o.module:<10}{o.total:>8}{o.killed['killed']:>7}"
              f"{o.killed['caught by type check']:>6}{o.killed['timeout']:>9}"
              f"{len(o.survivors):>9}{o.equivalent:>7}{percent(o.killed.total(), o.total):>8}"
              f"{o.seconds:>6.0f}s")
    killed, total = everything.killed.total(), everything.total
    print(f"\nKilled {killed} of {total} mutants ({percent(killed, total)}): "
          f"{everything.killed['killed']} by a test, {everything.killed['caught by type check']}"
          f" by mypy --strict, {everything.killed['timeout']} by a time-out; "
          f"{percent(killed, total - everything.equivalent)} of those not known to be "
          f"equivalent. {seconds / 60:.1f} minutes.")
    typed = total - everything.killed["caught by type check"]
    by_tests = everything.killed["killed"] + everything.killed["timeout"]
    print(f"Of the {typed} mutants mypy accepts, the tests kill {by_tests} "
          f"({percent(by_tests, typed)}; {percent(by_tests, typed - everything.equivalent)} "
          "of those not known to be equivalent).")
    for title, equivalent_only in (("Survivors", False), ("Equivalent survivors", True)):
        listed = [(o.module, s) for o in outcomes for s in o.survivors
                  if bool(s.equivalent) == equivalent_only]
        if listed:
            print(f"\n{title} ({len(listed)}):")
        for module, s in listed:
            function = s.name.removeprefix(f"guide.{module}.").split("__mutmut_")[0]
            function = function.replace("\u01c1", ".").removeprefix("x.").removeprefix("x_")
            print(f"  {module}.{function} [{s.status}]  {s.before}  ->  {s.after}"
                  + (f"\n      equivalent: {s.equivalent}" if s.equivalent else ""))
    return 100 * killed / total if total else 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"core modules to test (default: all of {', '.join(MODULES)})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                        help="mutants tested at once (default: one per core)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "mutation",
                        help="where the copies and mutmut's results are kept")
    parser.add_argument("--report", action="store_true",
                        help="only print the results of the last run")
    parser.add_argument("--target", type=float, default=TARGET_PERCENT,
                        help="lowest acceptable kill rate in percent (default: %(default)s)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("mutmut") is None:
        parser.error("mutmut is not installed: python -m pip install -e '.[dev]'")
    unknown = sorted(set(args.modules) - set(MODULES))
    if unknown:
        parser.error(f"no such core module: {', '.join(unknown)}")
    started = time.monotonic()
    outcomes = []
    for module in args.modules or list(MODULES):
        work = args.work / module
        if args.report:
            if (work / "mutants").is_dir():
                outcomes.append(test_module(module, MODULES[module], work, args.jobs, run=False))
            continue
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        print(f"guide/{module}.py: mutating, testing with {', '.join(MODULES[module])}",
              flush=True)
        outcomes.append(test_module(module, MODULES[module], work, args.jobs, run=True))
        print(f"  {outcomes[-1].total} mutants in {outcomes[-1].seconds:.0f} s", flush=True)
    rate = report(outcomes, time.monotonic() - started)
    failed = [o.module for o in outcomes if o.failed]
    if failed:
        print(f"\nmutmut failed for: {', '.join(failed)}")
    return 0 if rate >= args.target and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
