"""The real thing: build an edition as the README says, install it, and run it from there.

A pack is started with ``health-guide new-pack``, branded, and built once per test session
(PyInstaller, then the tar.gz and .deb; about a minute and a half on two cores). The tests
unpack what was built into temporary folders, run ``--self-test`` from each, and check the
size and that nothing is ever written inside an install folder. A second, corrected version
is built for the updating test.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.build import pyinstaller_available, run_build
from guide.linux_packages import machine
from guide.newpack import run_new_pack

pytestmark = [pytest.mark.slow, pytest.mark.bundle]

TARBALL_LIMIT = 60_000_000
"""The largest tar.gz we hand out (issue 9: a hand-made PyInstaller build was 69 MB)."""
EDITION_ID = "org.example.lupus-guide"
SLUG = "lupus-guide"
ICON = ('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
        '<circle cx="32" cy="32" r="30" fill="#7a3b8f"/></svg>')
# an 8x8 JPEG: the bundle keeps Qt's JPEG plugin, and the self-test decodes every picture
PHOTO = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4R"
    "DgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU"
    "FBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAEC"
    "AwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2Jy"
    "ggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWW"
    "l5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEA"
    "AwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMi"
    "MoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0"
    "dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn"
    "6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDyqiiiv0g/Ij//2Q==")


@dataclass(frozen=True)
class Built:
    """What ``health-guide build`` made for one version."""

    bundle: Path
    tarball: Path
    deb: Path | None


def make_edition(folder: Path, version: str, disclaimer: str, correction: str = "") -> Path:
    """A branded pack, started the way the README says, at ``version``."""
    pack = folder / "lupus-guide-pack"
    assert run_new_pack([str(pack), "--title", "Living with Lupus"]) == 0
    manifest = (pack / "guide.yml").read_text(encoding="utf-8")
    manifest = re.sub(r"(?m)^id: .*$", f"id: {EDITION_ID}", manifest)
    manifest = re.sub(r"(?m)^version: .*$", f'version: "{version}"', manifest)
    manifest = re.sub(r"(?m)^app_name: .*$", "app_name: Lupus Guide", manifest)
    manifest = re.sub(r'(?m)^(  version: )"1"', rf'\g<1>"{disclaimer}"', manifest)
    (pack / "guide.yml").write_text(manifest + "icon: brand/icon.svg\n", encoding="utf-8")
    (pack / "brand").mkdir()
    (pack / "brand" / "icon.svg").write_text(ICON, encoding="utf-8")
    (pack / "articles" / "images" / "photo.jpg").write_bytes(PHOTO)
    welcome = pack / "articles" / "welcome.md"
    welcome.write_text(welcome.read_text(encoding="utf-8")
                       + f"\n![A photo](images/photo.jpg)\n\n{correction}\n", encoding="utf-8")
    return pack


def build(pack: Path, output: Path) -> Built:
    assert run_build(["--content", str(pack), "--output", str(output)]) == 0
    (tarball,) = output.glob(f"{SLUG}-*-linux-*.tar.gz")
    debs = list(output.glob(f"{SLUG}_*.deb"))
    return Built(output / SLUG, tarball, debs[0] if debs else None)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Version 1.0, built once for all the tests here."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux packages are built on Linux")
    if not pyinstaller_available():
        pytest.fail('PyInstaller is missing: python -m pip install -e ".[test]"')
    folder = tmp_path_factory.mktemp("v1")
    return build(make_edition(folder, "1.0", disclaimer="1"), folder / "dist")


def clean_env(home: Path) -> dict[str, str]:
    """A member's environment: an empty home, no display, no caches or settings yet."""
    return {"HOME": str(home), "PATH": os.environ["PATH"], "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8"}


def self_test(program: Path, home: Path) -> str:
    result = subprocess.run([str(program), "--self-test"], env=clean_env(home),
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in folder.rglob("*")}


def unpack(archive: Path, folder: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="tar")
    (top,) = folder.iterdir()
    return top


def test_bundle_passes_its_self_test_with_the_shipped_cache(built: Built, tmp_path: Path) -> None:
    output = self_test(built.bundle / SLUG, tmp_path / "home")
    assert output.startswith("self-test passed: Lupus Guide 1.0 (org.example.lupus-guide)")
    assert "start-up cache shipped" in output
    assert "2 pictures" in output  # the sample picture and the photo


def test_bundle_leaves_out_what_the_app_never_uses(built: Built) -> None:
    internal = built.bundle / "_internal"
    names = [p.name.lower() for p in internal.rglob("*")
             if p.relative_to(internal).parts[0] not in {"content", "content-cache", "resources"}]
    for unused in ("virtualkeyboard", "qml", "quick", "webengine", "qtiff", "qwebp", "qgtk3",
                   "qtnetwork", ".qm", "libssl", "libcups.so", "libgtk"):
        assert not [name for name in names if unused in name], unused
    assert [name for name in names if name.startswith("libqxcb")]  # X11 windows stay
    assert [name for name in names if name.startswith("libqjpeg")]


def test_tarball_is_small_enough_to_hand_out(built: Built) -> None:
    assert built.tarball.name == f"{SLUG}-1.0-linux-{machine()}.tar.gz"
    assert built.tarball.stat().st_size <= TARBALL_LIMIT


def test_tarball_installs_for_one_member_and_runs_from_there(
        built: Built, tmp_path: Path) -> None:
    top = unpack(built.tarball, tmp_path / "unpacked")
    home = tmp_path / "home"
    self_test(top / SLUG / SLUG, home)  # straight from the unpacked folder
    subprocess.run(["sh", str(top / "install.sh")], env=clean_env(home), check=True,
                   capture_output=True, timeout=120)
    assert "Lupus Guide 1.0" in self_test(home / ".local/bin" / SLUG, home)
    entry = (home / ".local/share/applications" / f"{SLUG}.desktop").read_text()
    assert "Name=Lupus Guide\n" in entry
    assert (home / ".local/share/icons/hicolor/scalable/apps" / f"{SLUG}.svg").is_file()


def test_deb_unpacks_and_runs_from_opt(built: Built, tmp_path: Path) -> None:
    if built.deb is None:
        pytest.skip("no dpkg-deb here, so no .deb was built")
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(built.deb), str(root)], check=True)
    assert (root / "usr/bin" / SLUG).readlink() == Path(f"/opt/{SLUG}/{SLUG}")
    assert "Lupus Guide 1.0" in self_test(root / "opt" / SLUG / SLUG, tmp_path / "home")
    entry = (root / "usr/share/applications" / f"{SLUG}.desktop").read_text()
    assert f"Exec=/opt/{SLUG}/{SLUG}\n" in entry


def test_running_the_installed_app_writes_nothing_in_its_folder(
        built: Built, tmp_path: Path) -> None:
    top = unpack(built.tarball, tmp_path / "installed")
    home = tmp_path / "home"
    profile = home / ".local/share/health-guide/editions" / EDITION_ID
    profile.mkdir(parents=True)
    (profile / "settings.json").write_text(json.dumps({"accepted_disclaimer": "1"}))
    before = listing(top)
    # the real app, past the disclaimer: it shows the home page and opens the search index,
    # and runs until stopped
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([str(top / SLUG / SLUG)], env=clean_env(home), capture_output=True,
                       timeout=8, check=False)
    self_test(top / SLUG / SLUG, home)
    assert listing(top) == before
    assert not (home / ".cache" / "health-guide").exists()  # the shipped cache is all it needs


@pytest.fixture(scope="module")
def corrected(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Version 1.1: a corrected article and a new disclaimer version."""
    folder = tmp_path_factory.mktemp("v1.1")
    pack = make_edition(folder, "1.1", disclaimer="2", correction="Corrected in 1.1.")
    return build(pack, folder / "dist")


def test_a_newer_version_installs_over_the_old_and_keeps_settings(
        built: Built, corrected: Built, tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = unpack(built.tarball, tmp_path / "v1")
    subprocess.run(["sh", str(first / "install.sh")], env=clean_env(home), check=True,
                   capture_output=True, timeout=120)
    profile = home / ".local/share/health-guide/editions" / EDITION_ID / "settings.json"
    profile.parent.mkdir(parents=True)
    settings = json.dumps({"accepted_disclaimer": "1", "text_scale": 150})
    profile.write_text(settings)  # a member accepted version 1's disclaimer

    second = unpack(corrected.tarball, tmp_path / "v1.1")
    subprocess.run(["sh", str(second / "install.sh")], env=clean_env(home), check=True,
                   capture_output=True, timeout=120)
    output = self_test(home / ".local/bin" / SLUG, home)
    assert "Lupus Guide 1.1" in output
    assert "disclaimer version 2" in output  # not the "1" the member accepted: asked again
    app = home / ".local/opt" / SLUG
    welcome = next(app.rglob("content/articles/welcome.md")).read_text(encoding="utf-8")
    assert "Corrected in 1.1." in welcome
    assert profile.read_text() == settings
    assert sorted(p.name for p in app.parent.iterdir()) == [SLUG]


def test_a_newer_deb_upgrades_the_old_one(corrected: Built, built: Built, tmp_path: Path) -> None:
    if built.deb is None or corrected.deb is None or shutil.which("dpkg") is None:
        pytest.skip("no dpkg here")
    if os.geteuid() != 0:
        pytest.skip("dpkg installs files owned by root")
    root = tmp_path / "root"
    (root / "var/lib/dpkg/updates").mkdir(parents=True)
    (root / "var/lib/dpkg/info").mkdir()
    (root / "var/lib/dpkg/status").touch()
    dpkg = ["dpkg", f"--root={root}", "--log=/dev/null", "--force-depends",
            "--force-script-chrootless"]
    for deb in (built.deb, corrected.deb):
        subprocess.run([*dpkg, "--install", str(deb)], check=True, capture_output=True)
    assert "Lupus Guide 1.1" in self_test(root / "opt" / SLUG / SLUG, tmp_path / "home")
    subprocess.run([*dpkg, "--remove", SLUG], check=True, capture_output=True)
    assert [p for p in root.rglob("*") if not p.is_relative_to(root / "var")] == []
