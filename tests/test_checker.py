"""``health-guide check``: every problem of the broken packs, with file and line."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.app import main
from guide.checker import EXIT_CLEAN, EXIT_ERRORS

ROOT = Path(__file__).resolve().parent.parent
PACKS = Path("tests/packs")

EXPECTED_IN_BROKEN = [
    # errors
    "articles/basics/bytes.md:6: error: not valid UTF-8 text",
    "articles/basics/yaml.md:3: error: invalid YAML",
    "articles/basics/fields.md:1: error: missing required front matter 'summary'",
    "articles/basics/fields.md:4: error: 'order' should be a whole number",
    "articles/basics/twin.md: error: duplicate article id 'basics/twin'",
    "articles/welcome.md:18: error: link to unknown article 'basics/no such.md'",
    "articles/welcome.md:18: error: reference links never defined, shown as text (1: [leaflet])",
    "articles/welcome.md:14: error: link to unknown article 'basics/missing.md'",
    "articles/welcome.md:14: error: no heading '#nope' in 'basics/good'",
    "articles/welcome.md:15: error: no heading '#nowhere' in this article",
    "articles/welcome.md:15: error: link '../guide.yml' is not a relative link",
    "articles/welcome.md:16: error: image 'images/chart.png' does not exist",
    "articles/welcome.md:16: error: image '/etc/passwd.png' is outside the pack",
    "articles/welcome.md:16: error: image '../../secret.png' is outside the pack",
    "articles/welcome.md:9: error: related article 'basics/ghost' does not exist",
    "glossary.yml:2: error: 'Infusion' says see 'Drip bag', which is not a glossary term",
    "glossary.yml:7: error: 'infusion' is already used by the glossary entry 'Infusion'",
    "facts.yml:4: error: fact 2 has no source",
    "facts.yml:5: error: fact 3 names unknown article 'basics/nowhere'",
    "missing-disclaimer.md: error: disclaimer file not found",
    # warnings
    "articles/basics/fields.md:11: warning: reading grade 46.1 is above 8 (Flesch-Kincaid)",
    "articles/welcome.md:5: warning: next_review 2020-01-01 is in the past",
    "articles/welcome.md:7: warning: only 1 source(s): give at least 2",
    # HTML: one line per file and kind, with a count
    "articles/welcome.md:17: warning: HTML shown as text, not as HTML (1 tag: <script>)",
    "articles/welcome.md:19: warning: HTML left out, its text kept (1 tag: <center>)",
    "articles/welcome.md:19: warning: HTML attributes ignored (1: style)",
    # linked files and folders that leave the pack or loop are refused
    "articles/basics/escape.md: warning: links to a file outside the pack; ignored",
    "articles/basics/loop: warning: links back to a folder that holds it",
    "articles/_drafts/hidden.md: warning: not reachable from the tree",
    "articles/basics/notes.markdown: warning: not reachable from the tree",
    "glossary.yml: warning: glossary term 'Unused word' is never used in an article",
    # every line a reader sees is measured, not only the body
    "articles/basics/hard-words.md:3: warning: reading grade 43.8 of the summary is above 8",
    "articles/basics/hard-words.md:4: warning: reading grade 37.9 of the evidence line",
    "articles/basics/hard-words.md:7: warning: reading grade 42.3 of the at-a-glance facts",
    "facts.yml:8: warning: reading grade 45.0 of fact 4 is above 8",
    # a source nobody could find; publisher and year, a url or a doi are each enough
    "articles/welcome.md:7: warning: source 'Only one source' cannot be traced",
    "facts.yml:8: warning: source 'Untraceable pamphlet' cannot be traced",
]


@pytest.fixture(autouse=True)
def _run_from_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_broken_pack_reports_every_problem_with_file_and_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PACKS / "broken")]) == EXIT_ERRORS
    lines = capsys.readouterr().out.splitlines()
    for expected in EXPECTED_IN_BROKEN:
        assert any(line.startswith(f"tests/packs/broken/{expected}") for line in lines), expected
    assert lines[-1] == "checked 8 articles: 22 errors, 20 warnings"
    assert sum("HTML" in line for line in lines) == 3  # not one line per tag
    assert not any("cannot be traced" in line and "hard-words" in line for line in lines)


def test_broken_pack_output_matches_the_recorded_report(
        capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(PACKS / "broken")])
    expected = (PACKS / "broken.expected").read_text(encoding="utf-8")
    assert capsys.readouterr().out == expected


def test_pack_without_manifest_is_one_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PACKS / "no-manifest")]) == EXIT_ERRORS
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("tests/packs/no-manifest: error: tests/packs/no-manifest is not a content "
                      "pack: it has no guide.yml")


def test_json_format_for_tools(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PACKS / "broken"), "--format", "json"]) == EXIT_ERRORS
    report = json.loads(capsys.readouterr().out)
    assert (report["articles"], report["errors"], report["warnings"]) == (8, 22, 20)
    assert {"path": "articles/basics/yaml.md", "line": 3, "severity": "error",
            "message": "invalid YAML: did not find expected ',' or ']'"} in report["problems"]


def test_bundled_pack_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == EXIT_CLEAN
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith(": 0 errors, 0 warnings"), out


def test_check_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--format {text,json}" in capsys.readouterr().out


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_links_that_loop_or_lead_nowhere_are_problem_lines(
        make_pack: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack()
    living = root / "articles" / "living"
    for name, target in {"self": "self", "loop-a": "loop-b", "loop-b": "loop-a",
                         "loop.md": "loop.md", "gone.md": "nowhere.md"}.items():
        (living / name).symlink_to(target)
    assert main(["check", str(root)]) == EXIT_CLEAN
    out = capsys.readouterr().out.splitlines()
    for name in ("loop-a", "loop-b", "loop.md", "self"):
        assert (f"{root}/articles/living/{name}: warning: a link that goes round in a loop; "
                "ignored") in out
    assert (f"{root}/articles/living/gone.md: warning: a link to something that does not "
            "exist; ignored") in out
    assert out[-1] == "checked 4 articles: 0 errors, 5 warnings"


def test_an_unreadable_folder_is_a_problem_line_and_the_rest_is_checked(
        make_pack: Callable[..., Path], unreadable: Callable[[Path], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack()
    unreadable(root / "articles" / "treatments")
    assert main(["check", str(root)]) == EXIT_ERRORS
    out = capsys.readouterr().out.splitlines()
    assert (f"{root}/articles/treatments: error: cannot read this folder (Permission denied): "
            "the articles in it are left out") in out
    assert out[-1].startswith("checked 2 articles: ")
    assert not [line for line in out if "Traceback" in line]
