"""``health-guide new-pack`` starts a valid pack; the checker names what is left to replace."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from guide.app import main
from guide.content import load_pack
from guide.leftovers import SAMPLE_MARK
from guide.locations import bundled_dir
from guide.newpack import write_pack

TODAY = dt.date(2026, 12, 1)


def _messages(root: Path) -> list[str]:
    return [str(problem) for problem in load_pack(root, today=TODAY).problems]


def test_new_pack_is_valid_and_says_its_sample_text_is_still_there(tmp_path: Path) -> None:
    root = tmp_path / "lupus"
    written = write_pack(root, "Living with Lupus", today=TODAY)
    assert {path.relative_to(root).as_posix() for path in written} >= {
        "guide.yml", "disclaimer.md", "facts.yml", "glossary.yml", "README.md",
        "articles/welcome.md", "articles/get-help-now.md", "articles/living-well/pacing.md",
        "articles/living-well/writing-a-page.md", "articles/images/sample-picture.svg"}
    pack = load_pack(root, today=TODAY)
    messages = _messages(root)
    assert [m for m in messages if ": error: " in m] == []
    assert all("sample text marked [SAMPLE]" in m for m in messages), messages
    assert len(messages) >= 8
    assert pack.edition.id == "living-with-lupus"
    assert pack.edition.app_name == "Living with Lupus"
    assert pack.edition.help_now == "get-help-now"
    # the sample article shows every kind of call-out, a table, a picture and links
    sample = pack.article("living-well/writing-a-page")
    assert sample is not None
    for feature in ("!!! note", "!!! important", "!!! danger", "| --- |", "![", "](pacing.md)",
                    "(#a-table)", "https://"):
        assert feature in sample.body, feature


def test_once_the_sample_text_is_replaced_the_pack_is_clean(tmp_path: Path) -> None:
    root = tmp_path / "lupus"
    write_pack(root, "Living with Lupus", pack_id="org.example.lupus", today=TODAY)
    for path in root.rglob("*"):
        if path.suffix in {".md", ".yml"}:
            path.write_text(path.read_text(encoding="utf-8").replace(f"{SAMPLE_MARK} ", "")
                            .replace(SAMPLE_MARK, ""), encoding="utf-8")
    assert _messages(root) == []
    assert load_pack(root).edition.id == "org.example.lupus"


def test_command_refuses_a_folder_with_files_in_it(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["new-pack", str(tmp_path)]) == 1
    assert "already exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_command_writes_the_pack_and_says_what_to_do_next(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-pack", str(tmp_path / "p"), "--title", "Long Covid Guide",
                 "--language", "cy"]) == 0
    out = capsys.readouterr().out
    assert "health-guide check" in out
    pack = load_pack(tmp_path / "p")
    assert (pack.title, pack.language) == ("Long Covid Guide", "cy")


def test_a_copy_of_the_default_guide_is_told_what_to_replace(tmp_path: Path) -> None:
    copy = Path(shutil.copytree(bundled_dir("content"), tmp_path / "copy"))
    messages = _messages(copy)
    for expected in ("guide.yml: warning: id 'org.health-guide.fibromyalgia' is the default",
                     "guide.yml: warning: title 'Living with Fibromyalgia and Chronic Pain'",
                     "disclaimer.md: warning: is the default guide's, unchanged",
                     "facts.yml: warning: is the default guide's, unchanged",
                     "glossary.yml: warning: is the default guide's, unchanged",
                     "articles: warning: "):
        assert any(message.startswith(expected) for message in messages), expected
    assert [m for m in messages if ": error: " in m] == []


def test_the_default_guide_itself_has_no_leftover_warnings() -> None:
    assert _messages(bundled_dir("content")) == []
