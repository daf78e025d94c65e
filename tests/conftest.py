"""Shared fixtures: small packs written on the fly, the bundled pack, Qt set up headless."""

from __future__ import annotations

import errno
import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never write to the real user cache from tests; tests of the cache pass their own folder
os.environ["HEALTH_GUIDE_CACHE_DIR"] = ""

from guide.content import load_pack
from guide.locations import bundled_dir
from guide.model import Pack

MANIFEST = """\
id: org.example.test-guide
title: Test Guide
publisher: Test Publisher
language: en
home: welcome
disclaimer:
  file: disclaimer.md
  version: "3"
contact: help@example.org
"""


def article(title: str, body: str = "Some text.", **front: object) -> str:
    """Markdown source of an article with complete front matter."""
    meta = {
        "title": title,
        "summary": f"About {title.lower()}.",
        "last_reviewed": "2026-11-27",
        "next_review": "2027-11-27",
        "status": "draft",
        "sources": "\n  - title: A source\n    publisher: An Org\n    year: 2020"
                   "\n  - title: Another\n    publisher: Other Org\n    year: 2021",
    }
    meta.update({k: str(v) for k, v in front.items()})
    lines = [f"{k}: {v}" if not v.startswith("\n") else f"{k}:{v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + textwrap.dedent(body).strip() + "\n"


TINY_PACK: dict[str, str | bytes] = {
    "guide.yml": MANIFEST,
    "disclaimer.md": "## Before you start\n\nThis is **information only**.\n",
    "facts.yml": textwrap.dedent("""\
        facts:
          - text: Pain is common.
            source: {title: Pain facts, publisher: Pain Org, year: 2020}
            articles: [treatments/alpha]
          - text: Sleep matters.
            source: {title: Sleep facts, publisher: Sleep Org, year: 2021}
        """),
    "articles/welcome.md": article(
        "Welcome", "## Start here\n\nRead [alpha](treatments/alpha.md) first.", order=0),
    "articles/treatments/_section.yml": "title: Treatments\norder: 10\n",
    "articles/treatments/alpha.md": article(
        "Alpha treatment",
        """\
        ## What it is

        Alpha helps. See [beta](beta.md#risks) and [home](../welcome.md).

        ## Risks

        Some risks. Read [the web page](https://example.org/alpha).
        """,
        order=10, related="[treatments/beta]", facts='["Alpha is new."]',
    ),
    "articles/treatments/beta.md": article(
        "Beta treatment", "## Overview\n\nBeta text.\n\n## Risks\n\nBeta risks.", order=20,
        related="[treatments/alpha]"),
    "articles/living/_section.yml": "title: Living well\norder: 20\n",
    "articles/living/pacing.md": article("Pacing", "## Pacing\n\nGo slowly."),
}


def write_pack(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """Factory: the tiny pack with some files replaced (value ``None`` deletes a file)."""

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        files = dict(TINY_PACK)
        for rel, data in (changes or {}).items():
            if data is None:
                files.pop(rel, None)
            else:
                files[rel] = data
        return write_pack(tmp_path / "pack", files)

    return make


@pytest.fixture
def tiny_pack(make_pack: Callable[..., Path]) -> Pack:
    """The tiny, valid test pack, loaded."""
    return load_pack(make_pack())


@pytest.fixture(scope="session")
def bundled_pack() -> Pack:
    """The default pack shipped with the app."""
    return load_pack(bundled_dir("content"))


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make reading files of one name fail, as a file locked by another program does.

    ``locked("settings.json")`` or ``locked("guide.yml", "Permission denied")``;
    ``monkeypatch.undo()`` unlocks them.
    """
    real_read = Path.read_bytes

    def lock(name: str, reason: str = "The file is locked") -> None:
        def read_bytes(path: Path) -> bytes:
            if path.name == name:
                raise PermissionError(13, reason)
            return real_read(path)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)

    return lock


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make folders unreadable, as ``chmod 000`` would for anyone but root.

    Tests often run as root, which ignores permissions, so listing the folder is refused
    instead: every way of listing one (``Path.iterdir``, ``os.walk``, ``rglob``) ends in
    ``os.listdir`` or ``os.scandir``.
    """
    denied: set[Path] = set()
    real_listdir, real_scandir = os.listdir, os.scandir

    def refuse(path: object) -> None:
        if isinstance(path, str | os.PathLike) and Path(path).absolute() in denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))

    def listdir(path: str | os.PathLike[str] = ".") -> list[str]:
        refuse(path)
        return real_listdir(path)

    def scandir(path: str | os.PathLike[str] = ".") -> Any:  # os._ScandirIterator is private
        refuse(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "scandir", scandir)
    return lambda folder: denied.add(folder.absolute())
