"""``--self-test``: check that an edition works where it is installed, without a screen.

It loads the pack the way the app does (from the start-up cache a bundle ships), shows every
page in the real main window offscreen, decodes every picture those pages use, runs a search,
checks the disclaimer and the edition's name and icon, and that a kiosk passphrase can be
checked (scrypt comes from OpenSSL, which a bundle must keep). It writes nothing anywhere: the
settings live in memory and a cache is only read. One summary line goes to stdout, each
problem to stderr; the exit code is 0 when all is well, else 1.
"""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon, QImage

from guide import passphrase
from guide.cache import PackCache, open_cache
from guide.links import CONTACT_PAGE, FACTS_PAGE
from guide.locations import (
    UnsafePathError,
    bundled_dir,
    default_icon,
    resolve_inside,
    shipped_cache_dir,
)
from guide.model import Pack, PackError
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import MemoryBackend, Profile
from guide.sanitise import html_to_text
from guide.search import SearchIndex
from guide.ui.application import brand_application, ensure_application
from guide.ui.main_window import MainWindow

EXIT_PASSED = 0
EXIT_FAILED = 1
_PICTURE = re.compile(r'<img[^>]*\ssrc="pack:([^"]+)"')


@dataclass
class SelfTestReport:
    """What the self-test found: facts for the summary line, and problems."""

    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self, seconds: float) -> str:
        """The one line printed at the end."""
        if self.problems:
            count = len(self.problems)
            return (f"self-test failed: {count} problem{'s' * (count != 1)}: "
                    f"{self.problems[0]}{' (and more above)' * (count > 1)}")
        return f"self-test passed: {', '.join(self.facts)} ({seconds:.1f} s)"


def run_self_test(content: Path | None = None) -> int:
    """Run every check on the pack in ``content`` (default: the bundled one); return the code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    report = SelfTestReport()
    try:
        _check(content, report)
    except Exception as exc:  # noqa: BLE001 - whatever breaks is the finding
        report.problems.append(f"{type(exc).__name__}: {exc}")
    for problem in report.problems:
        print(f"health-guide: self-test: {problem}", file=sys.stderr)
    print(report.summary(time.perf_counter() - started))
    return EXIT_FAILED if report.problems else EXIT_PASSED


def _check(content: Path | None, report: SelfTestReport) -> None:
    root = content or bundled_dir("content")
    cache = open_cache(root, write=False)
    try:
        pack = cache.load()
    except PackError as exc:
        report.problems.append(str(exc))
        return
    edition = pack.edition
    report.facts.append(f"{edition.name_and_version()} ({edition.id})")
    errors = [p for p in pack.problems if p.severity == "error"]
    if errors:
        report.problems.append(f"the pack has {len(errors)} errors, first: {errors[0]} "
                               "(health-guide check lists them all)")
    if shipped_cache_dir(root) is not None:
        if cache.read_only and cache.fingerprint:
            report.facts.append("start-up cache shipped")
        else:
            report.problems.append("the bundle's start-up cache could not be used")
    _check_in_window(pack, cache, report)


def _check_in_window(pack: Pack, cache: PackCache, report: SelfTestReport) -> None:
    _check_branding(pack, report)
    pages = PageSource(pack, cache)
    if not pack.disclaimer.version or not pack.disclaimer.text.strip():
        report.problems.append("the disclaimer has no text or no version")
    elif html_to_text(pages.disclaimer_html()).strip() == "":
        report.problems.append("the disclaimer shows no text")
    else:
        report.facts.append(f"disclaimer version {pack.disclaimer.version}")
    window = MainWindow(pack, Profile(MemoryBackend()), pages, ModePolicy.laptop())
    locations = [*pack.articles, FACTS_PAGE, CONTACT_PAGE]
    pictures: set[str] = set()
    for location in locations:
        window.open_location(location)
        if window.article_view.grab().isNull() or not window.article_view.toPlainText().strip():
            report.problems.append(f"page {location} shows nothing")
        pictures.update(_PICTURE.findall(pages.html(location)))
    # pages come from the shipped cache; the app still renders for handouts and other packs
    if not PageSource(pack).html(pack.home).strip():
        report.problems.append("the home page renders empty")
    window.open_location(pack.home)
    if not window.windowTitle().endswith(pack.edition.app_name):
        report.problems.append(f"the window title {window.windowTitle()!r} does not name the app")
    window.deleteLater()
    report.facts.append(f"{len(pack.articles)} articles and {len(locations) - len(pack.articles)} "
                        "other pages shown")
    _check_pictures(pack, pictures, report)
    _check_search(pack, cache, report)
    if not passphrase.verify("self-test", passphrase.hash_passphrase("self-test")):
        report.problems.append("the kiosk operator's passphrase cannot be checked (scrypt)")


def _check_branding(pack: Pack, report: SelfTestReport) -> None:
    ensure_application()
    brand_application(pack)
    edition = pack.edition
    if QGuiApplication.applicationName() != edition.app_name:
        report.problems.append(f"the app is called {QGuiApplication.applicationName()!r}, "
                               f"not {edition.app_name!r}")
    if QGuiApplication.desktopFileName() != edition.slug:
        report.problems.append(f"the desktop file name is {QGuiApplication.desktopFileName()!r}")
    icon = pack.root / edition.icon if edition.icon else default_icon()
    if QIcon(str(icon)).pixmap(64, 64).isNull():  # SVG needs the bundle's icon engine plugin
        report.problems.append(f"the icon {icon.name} cannot be shown")


def _check_pictures(pack: Pack, pictures: set[str], report: SelfTestReport) -> None:
    """Every picture a page shows decodes (the bundle keeps only some image plugins)."""
    for picture in sorted(pictures):
        try:
            path = resolve_inside(pack.root, unescape(picture))
        except UnsafePathError:
            continue  # the checker reports these; the viewer never loads them
        if QImage(str(path)).isNull():
            report.problems.append(f"picture {picture} cannot be shown")
    if pictures:
        report.facts.append(f"{len(pictures)} picture{'s' * (len(pictures) != 1)}")


def _check_search(pack: Pack, cache: PackCache, report: SelfTestReport) -> None:
    shipped = cache.search_index_file() if cache.read_only else None
    index = SearchIndex.open(shipped, pack.synonyms) if shipped is not None else None
    if index is None:
        if cache.read_only and cache.fingerprint:
            report.problems.append("the bundle's search index could not be opened")
        index = SearchIndex.build(pack)
    home = pack.articles[pack.home]
    hits = index.search(home.title)
    index.close()
    if pack.home not in [hit.article_id for hit in hits]:
        report.problems.append(f"searching for {home.title!r} does not find the home page")
    else:
        report.facts.append(f"search found {home.title!r}")

