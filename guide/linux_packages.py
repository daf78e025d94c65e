"""Linux packages of a built bundle: a tar.gz with a per-user install script, and a .deb.

Both hold the same one-folder bundle, a desktop entry named after the edition's slug (the
name Qt gives the window, so the taskbar finds the entry) and the edition's icon. Neither
ever touches a member's settings, which live in their home folder, so installing a newer
version over an older one keeps them.
"""

from __future__ import annotations

import os
import platform
import re
import shlex
import shutil
import struct
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from guide.locations import bundled_dir, default_icon
from guide.model import Pack

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 96, 128, 192, 256, 512)
DEB_DEPENDS = ("libc6 (>= {glibc})", "libegl1", "libgl1", "libfontconfig1", "libfreetype6",
               "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
               "libxkbcommon-x11-0")
"""What the bundle may take from the system: the C library, OpenGL, fonts, and the X11
libraries of Qt's xcb platform (bundled only if the build computer had them)."""
DEB_RECOMMENDS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
                  "fonts-dejavu-core | fonts-liberation", "libcups2")
"""Wayland (PyInstaller never bundles it; without it the app uses X11), fonts to show text
with, and CUPS for printing handouts."""
DEB_COMPRESSION = ("-Zxz", "-z1")
"""xz, fast: for the default guide 40 MB in 14 s here; xz's default level saves 4.6 MB more
but takes 63 s (2 cores). Every dpkg reads xz (zstd only since Debian 12 and Ubuntu 21.10)."""
_DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}


@dataclass(frozen=True)
class Release:
    """What the packages say about one version of an edition."""

    slug: str
    app_name: str
    version: str
    edition_id: str
    title: str
    publisher: str
    icon: Path
    """The icon file (SVG or PNG)."""
    email: str = ""
    web: str = ""

    @classmethod
    def of(cls, pack: Pack) -> Release:
        """The release of ``pack`` (its own icon, or the app's)."""
        edition = pack.edition
        icon = pack.root / edition.icon if edition.icon else default_icon()
        return cls(slug=edition.slug, app_name=edition.app_name, version=edition.version,
                   edition_id=edition.id, title=pack.title, publisher=pack.publisher,
                   icon=icon, email=edition.contact.email, web=edition.contact.web)

    @property
    def icon_file(self) -> str:
        """The icon's installed file name: the slug, so the desktop entry finds it."""
        return self.slug + self.icon.suffix.lower()

    @property
    def icon_size(self) -> str:
        """The icon theme folder for the icon: ``scalable`` or e.g. ``256x256``."""
        if self.icon.suffix.lower() == ".svg":
            return "scalable"
        width = png_width(self.icon)
        size = min(HICOLOR_SIZES, key=lambda s: abs(s - width))
        return f"{size}x{size}"


def png_width(path: Path) -> int:
    """The width of a PNG picture, from its header (0 when it is not a PNG)."""
    with path.open("rb") as file:
        head = file.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return 0
    return int(struct.unpack(">I", head[16:20])[0])


def machine() -> str:
    """The computer's architecture as file names give it: ``x86_64``, ``aarch64``."""
    return platform.machine().lower() or "unknown"


def desktop_entry(release: Release, command: str) -> str:
    """The ``.desktop`` file: a menu entry that starts ``command``."""
    fields = {
        "Type": "Application",
        "Name": release.app_name,
        "GenericName": "Health guide",
        "Comment": release.title,
        "Exec": command,
        "Icon": release.slug,
        "Terminal": "false",
        "StartupNotify": "true",
        "Categories": "Education;Science;MedicalSoftware;",
        "Keywords": "health;guide;offline;",
    }
    lines = [f"{key}={_desktop_value(value)}" for key, value in fields.items()]
    return "[Desktop Entry]\n" + "\n".join(lines) + "\n"


def _desktop_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", " ").replace("\t", " ")


def install_script(release: Release) -> str:
    """The per-user install script, from ``packaging/linux/install.sh``."""
    text = (bundled_dir("packaging") / "linux" / "install.sh").read_text(encoding="utf-8")
    values = {"SLUG": release.slug, "APP_NAME": release.app_name, "VERSION": release.version,
              "EDITION_ID": release.edition_id, "ICON_FILE": release.icon_file,
              "ICON_SIZE": release.icon_size}
    for key, value in values.items():
        text = text.replace(f"'@{key}@'", shlex.quote(value))  # shell values
        text = text.replace(f"@{key}@", value.replace("\n", " "))  # comments and paths
    return text


def tarball_name(release: Release) -> str:
    """``lupus-guide-1.2-linux-x86_64``: the archive's name, and its top folder's."""
    return f"{release.slug}-{release.version}-linux-{machine()}"


def make_tarball(bundle: Path, release: Release, output: Path) -> Path:
    """Write ``<slug>-<version>-linux-<machine>.tar.gz`` to ``output``; return its path.

    It holds one folder: the bundle, its desktop entry, its icon and ``install.sh``.
    """
    top = tarball_name(release)
    extras = {
        "install.sh": install_script(release).encode(),
        f"{release.slug}.desktop": desktop_entry(release, release.slug).encode(),
        release.icon_file: release.icon.read_bytes(),
    }
    staging = output / f".{top}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        for name, data in extras.items():
            (staging / name).write_bytes(data)
        (staging / "install.sh").chmod(0o755)
        target = output / f"{top}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=6) as archive:
            archive.add(staging, arcname=top, recursive=False, filter=_owned_by_root)
            for name in extras:
                archive.add(staging / name, arcname=f"{top}/{name}", filter=_owned_by_root)
            archive.add(bundle, arcname=f"{top}/{release.slug}", filter=_owned_by_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No build-machine user names in the archive; whoever unpacks it owns the files."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def deb_version(version: str) -> str:
    """A Debian version for the edition's version: ``1.2`` stays; odd characters become ``~``."""
    cleaned = re.sub(r"[^A-Za-z0-9.+~]", "~", version)
    return cleaned if cleaned[:1].isdigit() else f"0~{cleaned}"


def deb_control(release: Release, installed_kib: int) -> str:
    """The package's ``DEBIAN/control`` file."""
    glibc = platform.libc_ver()[1] or "2.31"
    maintainer = release.publisher or release.app_name
    description = release.title.replace("\n", " ")
    lines = [
        f"Package: {release.slug}",
        f"Version: {deb_version(release.version)}",
        f"Architecture: {_DEB_ARCH.get(machine(), machine())}",
        f"Maintainer: {maintainer} <{release.email or 'nobody@invalid'}>",
        f"Installed-Size: {installed_kib}",
        "Section: misc",
        "Priority: optional",
        f"Depends: {', '.join(DEB_DEPENDS).format(glibc=glibc)}",
        f"Recommends: {', '.join(DEB_RECOMMENDS)}",
        *([f"Homepage: {release.web}"] if release.web.startswith("http") else []),
        f"Description: {release.app_name}: {description}",
        (f" {release.app_name} is an offline health guide: {description}, by "
         f"{release.publisher or 'its authors'}."),
        " It never connects to the internet. Each member's settings stay in their home",
        " folder, so upgrading keeps them.",
    ]
    return "\n".join(lines) + "\n"


def deb_name(release: Release) -> str:
    """``lupus-guide_1.2_amd64.deb``, as Debian names packages."""
    arch = _DEB_ARCH.get(machine(), machine())
    return f"{release.slug}_{deb_version(release.version)}_{arch}.deb"


def make_deb(bundle: Path, release: Release, output: Path) -> Path:
    """Build a .deb with ``dpkg-deb`` that installs the bundle under ``/opt/<slug>``.

    It adds ``/usr/bin/<slug>``, a menu entry and the icon. It has no install scripts: the
    menu and icon caches are refreshed by dpkg's triggers, and ``dpkg --remove`` takes away
    exactly what it put there.
    """
    root = output / f".{deb_name(release)}"
    shutil.rmtree(root, ignore_errors=True)
    try:
        app = root / "opt" / release.slug
        shutil.copytree(bundle, app, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / release.slug).symlink_to(f"/opt/{release.slug}/{release.slug}")
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        (applications / f"{release.slug}.desktop").write_text(
            desktop_entry(release, f"/opt/{release.slug}/{release.slug}"), encoding="utf-8")
        icons = root / "usr" / "share" / "icons" / "hicolor" / release.icon_size / "apps"
        icons.mkdir(parents=True)
        shutil.copyfile(release.icon, icons / release.icon_file)
        _normalise_modes(root)
        installed = sum(p.lstat().st_size for p in root.rglob("*")) // 1024 + 1
        (root / "DEBIAN").mkdir(mode=0o755)
        (root / "DEBIAN" / "control").write_text(deb_control(release, installed),
                                                 encoding="utf-8")
        target = output / deb_name(release)
        subprocess.run(["dpkg-deb", "--root-owner-group", *DEB_COMPRESSION, "--build",
                        str(root), str(target)], check=True, capture_output=True, text=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return target


def _normalise_modes(root: Path) -> None:
    """Folders and programs 0755, other files 0644, whatever the build machine's umask was."""
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            if not (Path(folder) / name).is_symlink():
                (Path(folder) / name).chmod(0o755)
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink():
                path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
