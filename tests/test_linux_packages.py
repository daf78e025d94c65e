"""Linux packages of a bundle: the tar.gz and its install script, the .deb; with a stand-in bundle.

The real bundle is built in tests/test_bundle.py; here a small folder with a shell script
stands in for it, so installing, upgrading and removing are checked in seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import textwrap
from pathlib import Path

import pytest

from guide.linux_packages import (
    Release,
    deb_control,
    deb_name,
    deb_version,
    desktop_entry,
    install_script,
    make_deb,
    make_tarball,
    tarball_name,
)
from guide.locations import bundled_dir

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def release(version: str = "1.2", app_name: str = "Lupus Guide") -> Release:
    """A release of a small edition, with the app's own icon."""
    return Release(slug="lupus-guide", app_name=app_name, version=version,
                   edition_id="org.example.lupus", title="Living with Lupus",
                   publisher="Lupus Group", email="help@example.org",
                   icon=bundled_dir("resources") / "icons" / "health-guide.svg")


def fake_bundle(folder: Path, version: str) -> Path:
    """A one-folder "bundle": a program that prints its version, and a data file."""
    bundle = folder / "lupus-guide"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "lupus-guide"
    program.write_text(f"#!/bin/sh\necho lupus-guide {version}\n")
    program.chmod(0o755)
    (bundle / "_internal" / f"only-in-{version}.txt").write_text(version)
    (bundle / "_internal" / "link.txt").symlink_to(f"only-in-{version}.txt")
    return bundle


def unpack(archive: Path, folder: Path) -> Path:
    """Unpack a tar.gz as a member would; return its top folder."""
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="tar")
    (top,) = folder.iterdir()
    return top


def run_install(top: Path, home: Path, *args: str) -> str:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    return subprocess.run(["sh", str(top / "install.sh"), *args], env=env, check=True,
                          capture_output=True, text=True, timeout=60).stdout


def test_desktop_entry_names_the_program_and_icon_by_slug() -> None:
    assert desktop_entry(release(), "/opt/lupus-guide/lupus-guide") == textwrap.dedent("""\
        [Desktop Entry]
        Type=Application
        Name=Lupus Guide
        GenericName=Health guide
        Comment=Living with Lupus
        Exec=/opt/lupus-guide/lupus-guide
        Icon=lupus-guide
        Terminal=false
        StartupNotify=true
        Categories=Education;Science;MedicalSoftware;
        Keywords=health;guide;offline;
        """)


def test_tarball_holds_bundle_entry_icon_and_script(tmp_path: Path) -> None:
    archive = make_tarball(fake_bundle(tmp_path / "v1", "1.2"), release(), tmp_path)
    assert archive.name == tarball_name(release()) + ".tar.gz"
    assert archive.name.startswith("lupus-guide-1.2-linux-")
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
    top = tarball_name(release())
    assert {f"{top}/install.sh", f"{top}/lupus-guide.desktop", f"{top}/lupus-guide.svg",
            f"{top}/lupus-guide/lupus-guide"} <= set(members)
    assert members[f"{top}/install.sh"].mode & 0o111
    assert members[f"{top}/lupus-guide/lupus-guide"].mode & 0o111
    assert members[f"{top}/lupus-guide/_internal/link.txt"].issym()
    assert {member.uname for member in members.values()} == {"root"}
    assert not list(tmp_path.glob(".*"))  # no staging left behind


def test_install_script_installs_upgrades_and_uninstalls_for_one_user(tmp_path: Path) -> None:
    home = tmp_path / "home with space"
    settings = home / ".local/share/health-guide/editions/org.example.lupus/settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"accepted_disclaimer": "1", "text_scale": 150}')
    v1 = unpack(make_tarball(fake_bundle(tmp_path / "b1", "1.2"), release("1.2"), tmp_path),
                tmp_path / "u1")
    assert "Installed Lupus Guide 1.2" in run_install(v1, home)
    command = home / ".local/bin/lupus-guide"
    app = home / ".local/opt/lupus-guide"
    assert subprocess.run([command], capture_output=True, text=True,
                          check=True).stdout == "lupus-guide 1.2\n"
    entry = (home / ".local/share/applications/lupus-guide.desktop").read_text()
    assert f'Exec="{app}/lupus-guide"' in entry
    assert (home / ".local/share/icons/hicolor/scalable/apps/lupus-guide.svg").is_file()

    v2 = unpack(make_tarball(fake_bundle(tmp_path / "b2", "1.3"), release("1.3"), tmp_path),
                tmp_path / "u2")
    run_install(v2, home)
    assert subprocess.run([command], capture_output=True, text=True,
                          check=True).stdout == "lupus-guide 1.3\n"
    assert sorted(p.name for p in (app / "_internal").iterdir()) == ["link.txt",
                                                                    "only-in-1.3.txt"]
    assert sorted(p.name for p in app.parent.iterdir()) == ["lupus-guide"]  # no .old, .new
    assert settings.read_text() == '{"accepted_disclaimer": "1", "text_scale": 150}'

    assert "settings are still in" in run_install(v2, home, "--uninstall")
    assert not app.exists()
    assert not command.is_symlink()
    assert not (home / ".local/share/applications/lupus-guide.desktop").exists()
    assert settings.is_file()


def test_install_script_takes_a_prefix_and_odd_names(tmp_path: Path) -> None:
    odd = release(app_name="Women's \"Health\" $HOME")
    top = unpack(make_tarball(fake_bundle(tmp_path / "b", "1.2"), odd, tmp_path),
                 tmp_path / "u")
    output = run_install(top, tmp_path / "home", "--prefix", str(tmp_path / "apps"))
    assert "Installed Women's \"Health\" $HOME 1.2" in output
    assert (tmp_path / "apps/opt/lupus-guide/lupus-guide").is_file()
    assert (tmp_path / "apps/share/applications/lupus-guide.desktop").is_file()
    assert subprocess.run(["sh", "-n"], input=install_script(odd), text=True,
                          check=False).returncode == 0


@pytest.mark.parametrize(("version", "expected"), [
    ("1.2", "1.2"), ("2026.12", "2026.12"), ("1.2-beta", "1.2~beta"), ("spring", "0~spring"),
])
def test_deb_versions_are_valid(version: str, expected: str) -> None:
    assert deb_version(version) == expected


def test_deb_control_describes_the_edition() -> None:
    control = deb_control(release(), 1234)
    assert control.startswith("Package: lupus-guide\nVersion: 1.2\nArchitecture: ")
    assert "Maintainer: Lupus Group <help@example.org>\n" in control
    assert "Installed-Size: 1234\n" in control
    assert "Depends: libc6 (>= " in control
    assert "Description: Lupus Guide: Living with Lupus\n " in control


@needs_dpkg
def test_deb_installs_under_opt_with_a_command_and_menu_entry(tmp_path: Path) -> None:
    deb = make_deb(fake_bundle(tmp_path / "b", "1.2"), release(), tmp_path)
    assert deb.name == deb_name(release())
    listing = subprocess.run(["dpkg-deb", "--contents", deb], capture_output=True, text=True,
                             check=True).stdout
    assert "root/root" in listing
    assert "-rwxr-xr-x root/root" in next(line for line in listing.splitlines()
                                           if line.endswith("./opt/lupus-guide/lupus-guide"))
    assert "./usr/bin/lupus-guide -> /opt/lupus-guide/lupus-guide" in listing
    assert "./usr/share/applications/lupus-guide.desktop" in listing
    assert "./usr/share/icons/hicolor/scalable/apps/lupus-guide.svg" in listing
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", deb, root], check=True)
    entry = (root / "usr/share/applications/lupus-guide.desktop").read_text()
    assert "Exec=/opt/lupus-guide/lupus-guide\n" in entry


@needs_dpkg
@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                    reason="dpkg installs files owned by root")
def test_deb_upgrades_in_place_and_removes_cleanly(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "var/lib/dpkg/updates").mkdir(parents=True)
    (root / "var/lib/dpkg/info").mkdir()
    (root / "var/lib/dpkg/status").touch()
    dpkg = ["dpkg", f"--root={root}", "--log=/dev/null", "--force-depends",
            "--force-script-chrootless"]

    def install(version: str) -> None:
        deb = make_deb(fake_bundle(tmp_path / version, version), release(version),
                       tmp_path / version)
        subprocess.run([*dpkg, "--install", deb], check=True, capture_output=True)

    install("1.2")
    install("1.3")
    app = root / "opt/lupus-guide"
    assert sorted(p.name for p in (app / "_internal").iterdir()) == ["link.txt",
                                                                    "only-in-1.3.txt"]
    subprocess.run([*dpkg, "--remove", "lupus-guide"], check=True, capture_output=True)
    left = [p for p in root.rglob("*") if not p.is_relative_to(root / "var")]
    assert left == []
