"""``health-guide build``: an edition's bundle and installers for the computer it runs on.

The pack is checked, copied with its prebuilt start-up cache and search index
(:mod:`guide.prebuilt`), frozen by PyInstaller into a one-folder bundle named after the
edition (:mod:`guide.bundle_spec`), and the bundle's own ``--self-test`` is run. On Linux a
tar.gz and a .deb follow (:mod:`guide.linux_packages`); on Windows an Inno Setup script is
written next to the bundle; on macOS the bundle is an ``.app`` to put in a .dmg.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide.bundle_contents import missing_libraries
from guide.bundle_spec import BundleSpec
from guide.cache import cache_key
from guide.content import load_pack
from guide.linux_packages import Release, make_deb, make_tarball
from guide.locations import SHIPPED_CACHE, bundled_dir
from guide.model import Pack, PackError
from guide.prebuilt import prebuild_cache

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CANNOT_BUILD = 2
SELF_TEST_SECONDS = 300
_SOURCE_ROOT = Path(__file__).resolve().parent.parent
_ON_LINUX = sys.platform.startswith("linux")
_LAUNCHER = '''"""Start {app_name}: the bundle's entry point, written by health-guide build."""

import sys

from guide.app import main

sys.exit(main())
'''


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``health-guide build``."""
    parser = argparse.ArgumentParser(
        prog="health-guide build",
        description="Build an installer of an edition for this computer: a one-folder app "
                    "with the pack, its start-up cache and search index inside; on Linux also "
                    "a .tar.gz with an install script and a .deb. Needs the build tools: "
                    "python -m pip install -e \".[build]\".",
    )
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="the content pack to build (default: the bundled guide)")
    parser.add_argument("--output", metavar="DIR", type=Path, default=Path("dist"),
                        help="where the bundle and installers go (default: ./dist)")
    return parser


def run_build(argv: list[str]) -> int:
    """Run ``health-guide build``; returns the exit code."""
    args = build_parser().parse_args(argv)
    if getattr(sys, "frozen", False):
        return _cannot("build from a Python installation of Health Guide, not from a bundle")
    if not pyinstaller_available():
        return _cannot("PyInstaller is not installed: python -m pip install -e \".[build]\"")
    content = (args.content or bundled_dir("content")).resolve()
    try:
        pack = load_pack(content)
    except PackError as exc:
        return _cannot(str(exc))
    refusal = _refusal(pack, content)
    if refusal:
        print(f"health-guide build: {refusal}", file=sys.stderr)
        return EXIT_FAILED
    output = args.output.resolve()
    started = time.perf_counter()
    print(f"Building {pack.edition.name_and_version()} ({pack.edition.id}) from {content}")
    try:
        with tempfile.TemporaryDirectory(prefix="health-guide-build-") as work:
            made = build_all(pack, content, output, Path(work))
    except subprocess.CalledProcessError as exc:
        print(f"health-guide build: {exc.cmd[0]} failed: {exc.stderr}", file=sys.stderr)
        return EXIT_FAILED
    except (BuildError, OSError, subprocess.TimeoutExpired) as exc:
        print(f"health-guide build: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Done in {time.perf_counter() - started:.0f} s:")
    for path in made:
        print(f"  {path}  ({_megabytes(path)})")
    _print_next_step(made[0])
    return EXIT_OK


def pyinstaller_available() -> bool:
    """Whether the build tools are installed (the ``build`` extra)."""
    return importlib.util.find_spec("PyInstaller") is not None


def _cannot(message: str) -> int:
    print(f"health-guide build: error: {message}", file=sys.stderr)
    return EXIT_CANNOT_BUILD


def _refusal(pack: Pack, content: Path) -> str:
    """Why this pack cannot be handed out yet ("" if it can)."""
    errors = [problem for problem in pack.problems if problem.severity == "error"]
    for problem in errors:
        print(problem.format(str(content)), file=sys.stderr)
    if errors:
        return (f"the pack has {len(errors)} error{'s' * (len(errors) != 1)}; fix them first "
                f"(health-guide check {content} lists them with warnings)")
    if cache_key(content) != pack.edition.id:
        return ("guide.yml has no id: give the edition one (e.g. id: org.example.my-guide), "
                "as members' settings are kept by it")
    if not pack.edition.version:
        return ("guide.yml has no version: give the edition one (e.g. version: \"1.0\") and "
                "raise it for every release you hand out")
    return ""


def build_all(pack: Pack, content: Path, output: Path, work: Path) -> list[Path]:
    """Build the bundle and this platform's installers; return their paths, bundle first."""
    staged = stage(content, work / "stage", leave_out=output)
    print(f"  start-up cache and search index made for {len(pack.articles)} articles")
    bundle = freeze(staged, output, work)
    print(f"  self-test: {self_test(bundle, staged)}")
    made = [bundle]
    if sys.platform.startswith("linux"):
        release = Release.of(staged)
        made.append(make_tarball(bundle, release, output))
        if shutil.which("dpkg-deb"):
            made.append(make_deb(bundle, release, output))
        else:
            print("  no dpkg-deb on this computer: no .deb made")
    elif sys.platform == "win32":
        made.append(write_inno_script(staged, bundle, output))
    return made


def stage(content: Path, folder: Path, leave_out: Path | None = None) -> Pack:
    """Copy the pack and prebuild its cache; return the copied pack.

    Hidden files, editor backups and ``leave_out`` (the output folder, if it is inside the
    pack) are not copied.
    """
    skip_names = shutil.ignore_patterns(".*", "__pycache__", "*~")

    def ignore(folder_name: str, names: list[str]) -> set[str]:
        skipped = set(skip_names(folder_name, names))
        if leave_out is not None:
            skipped |= {name for name in names if Path(folder_name, name) == leave_out}
        return skipped

    shutil.copytree(content, folder / "content", ignore=ignore)
    pack = prebuild_cache(folder / "content", folder / SHIPPED_CACHE)
    # the icons, and new-pack's template (the bundle's commands work like the installed app's)
    shutil.copytree(bundled_dir("resources"), folder / "resources")
    return pack


def freeze(pack: Pack, output: Path, work: Path, launcher: str = "") -> Path:
    """Run PyInstaller on a staged ``pack``; return the bundle (a folder, or a macOS ``.app``).

    ``launcher`` is the source of the script the bundle starts; by default it runs the app
    (benchmarks/bundle_startup.py passes one that also reports the first paint).
    """
    edition = pack.edition
    entry = work / "launch.py"
    entry.write_text(launcher or _LAUNCHER.format(app_name=edition.app_name), encoding="utf-8")
    staged = pack.root.parent
    spec = BundleSpec(
        name=edition.slug, app_name=edition.app_name, bundle_id=edition.id,
        version=edition.version, entry=entry, source_root=_SOURCE_ROOT,
        datas=((staged / "content", "content"), (staged / SHIPPED_CACHE, SHIPPED_CACHE),
               (staged / "resources", "resources")),
        icon=_program_icon(pack),
    )
    started = time.perf_counter()
    missing = run_pyinstaller(spec, output, work)
    bundle = output / (f"{edition.app_name}.app" if sys.platform == "darwin" else edition.slug)
    print(f"  bundle made in {time.perf_counter() - started:.0f} s: {bundle} "
          f"({_megabytes(bundle)})")
    if missing:
        print(f"  not on this computer, so not in the bundle (members' own copies will be used): "
              f"{', '.join(missing)}; install them here and build again to ship them")
    return bundle


def run_pyinstaller(spec: BundleSpec, output: Path, work: Path) -> list[str]:
    """Freeze ``spec`` into ``output``, working in ``work``; :class:`BuildError` if it fails.

    Returns the libraries the bundle needs that were not found on this computer.
    """
    spec_file = work / f"{spec.name}.spec"
    spec_file.write_text(spec.text(), encoding="utf-8")
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(_SOURCE_ROOT),
                                                       os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(output), "--workpath", str(work / "pyinstaller" / spec.name),
         str(spec_file)],
        capture_output=True, text=True, env=env, check=False, cwd=work)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        raise BuildError(f"PyInstaller failed:\n{tail}")
    return missing_libraries(result.stdout + result.stderr)


def _program_icon(pack: Pack) -> Path | None:
    """The icon for a Windows .exe or macOS .app; Linux menus use the desktop entry's."""
    icon = pack.edition.icon
    if _ON_LINUX or not icon.lower().endswith(".png"):
        return None
    if importlib.util.find_spec("PIL") is None:  # PyInstaller needs Pillow to convert a PNG
        print("  the program keeps PyInstaller's icon: install Pillow to use the pack's PNG")
        return None
    return pack.root / icon


def program(bundle: Path, slug: str) -> Path:
    """The program inside a bundle."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / slug
    return bundle / (f"{slug}.exe" if sys.platform == "win32" else slug)


def self_test(bundle: Path, pack: Pack) -> str:
    """Run the bundle's ``--self-test``; return its summary line or raise :class:`BuildError`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(program(bundle, pack.edition.slug)), "--self-test"],
                            capture_output=True, text=True, env=env, check=False,
                            timeout=SELF_TEST_SECONDS)
    lines = result.stdout.strip().splitlines()
    summary = lines[-1] if lines else "(no output)"
    if result.returncode != 0:
        raise BuildError(f"the bundle's self-test failed: {summary}\n{result.stderr.strip()}")
    return summary


def write_inno_script(pack: Pack, bundle: Path, output: Path) -> Path:
    """An Inno Setup script for this edition, next to the bundle: ``iscc`` turns it into a setup."""
    edition = pack.edition
    defines = {
        "AppId": edition.id, "AppName": edition.app_name, "AppVersion": edition.version,
        "AppSlug": edition.slug, "AppPublisher": pack.publisher or edition.app_name,
        "AppURL": edition.contact.web, "BundleDir": str(bundle), "OutputDir": str(output),
    }
    template = bundled_dir("packaging") / "windows" / "edition.iss"
    lines = [f'#define {key} "{value.replace(chr(34), chr(39))}"'
             for key, value in defines.items()]
    script = output / f"{edition.slug}-setup.iss"
    script.write_text("; Written by health-guide build; compile with: iscc "
                      f"{script.name}\n" + "\n".join(lines) + f'\n#include "{template}"\n',
                      encoding="utf-8")
    return script


def _print_next_step(bundle: Path) -> None:
    if sys.platform == "win32":
        print("Next: compile the setup with Inno Setup 6: iscc "
              f"\"{bundle.parent / (bundle.name + '-setup.iss')}\" (see README)")
    elif sys.platform == "darwin":
        script = bundled_dir("packaging") / "macos" / "make-dmg.sh"
        print(f"Next: make a disk image: sh \"{script}\" \"{bundle}\" (see README)")


def _megabytes(path: Path) -> str:
    files = path.rglob("*") if path.is_dir() else [path]
    size = sum(file.lstat().st_size for file in files)
    return f"{size / 1_000_000:.0f} MB"
