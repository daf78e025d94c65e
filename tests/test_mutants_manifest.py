"""``health-guide check`` on a manifest full of mistakes: each named at its line, in full."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.app import main
from guide.content import load_pack
from guide.edition import Contact
from guide.locations import bundled_dir
from guide.model import Pack, PackError
from guide.modes import KioskSettings

MISTAKES = textwrap.dedent("""\
    id: Org Example
    title: Test Guide
    publisher: Test Publisher
    language: en
    home: welcome
    disclaimer:
      file: disclaimer.md
      version: "3"
    accent: "#2F6F8F"
    app-name: Guide
    colour: red
    help_now: missing/page
    icon: brand\\\\icon.svg
    logo: ../logo.png
    contact:
      email: not-an-address
      web: example.org
      fax: 123
    kiosk:
      idle_seconds: 10
      warning_seconds: 10
      text_scale: 250
      print: maybe
      take_home_url: https://example.org/guide
      operator_passphrase: secret
      sound: on
    """)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'


@pytest.fixture
def pack(make_pack: Callable[..., Path]) -> Pack:
    return load_pack(make_pack({"guide.yml": MISTAKES, "brand/icon.svg": SVG}))


def manifest_problems(pack: Pack) -> list[str]:
    return [str(p) for p in pack.problems if p.path == "guide.yml"]


def test_each_mistake_in_the_manifest_is_named_at_its_line(pack: Pack) -> None:
    assert manifest_problems(pack) == [
        "guide.yml:10: warning: unknown key 'app-name' is ignored; did you mean 'app_name'?",
        ("guide.yml:11: warning: unknown key 'colour' is ignored (known: about, accent, app_name, "
         "contact, disclaimer, facts, glossary, help_now, home, icon, id, kiosk, language, "
         "logo, publisher, title, version)"),
        ("guide.yml:1: error: id 'Org Example' should be lower-case letters and digits with dots "
         "or hyphens (like org.example.lupus-guide); using 'org-example'"),
        "guide.yml:12: error: help_now article 'missing/page' does not exist",
        "guide.yml:14: error: logo '../logo.png' is outside the pack",
        ("guide.yml:15: warning: contact: unknown key 'fax' is ignored (known: email, hours, "
         "note, phone, web)"),
        "guide.yml:15: error: contact email 'not-an-address' is not an e-mail address",
        "guide.yml:15: error: contact web 'example.org' should start with https://",
        ("guide.yml:19: warning: unknown kiosk setting 'sound' (known: idle_seconds, "
         "operator_passphrase, print, take_home_url, text_scale, warning_seconds)"),
        "guide.yml:19: error: kiosk warning_seconds should be shorter than idle_seconds",
        ("guide.yml:19: warning: kiosk take_home_url has no '{id}': every article will show the "
         "same address"),
        "guide.yml:19: error: kiosk print should be true or false, not 'maybe'",
        ("guide.yml:19: error: kiosk operator_passphrase is not a hash made by 'health-guide "
         "kiosk-passphrase' (never write the passphrase itself); the kiosk cannot be closed "
         "from the screen"),
    ]


def test_what_is_wrong_is_left_out_and_the_rest_is_used(pack: Pack) -> None:
    edition = pack.edition
    assert (edition.id, edition.help_now, edition.icon, edition.logo) == (
        "org-example", "", "brand/icon.svg", "")
    assert edition.contact == Contact()
    assert pack.accent == "#2F6F8F"
    kiosk = pack.kiosk
    assert (kiosk.idle_seconds, kiosk.text_scale, kiosk.print) == (10, 250, False)
    assert kiosk.warning_seconds == KioskSettings().warning_seconds
    assert kiosk.operator_passphrase == ""


@pytest.mark.parametrize("lines", [
    "contact:\n  - help@example.org\n",
    "kiosk:\n  - idle_seconds\n",
])
def test_a_section_written_as_a_list_is_named(make_pack: Callable[..., Path],
                                             lines: str) -> None:
    key = lines.split(":", maxsplit=1)[0]
    manifest = MISTAKES.split("accent:")[0] + lines
    problems = manifest_problems(load_pack(make_pack({"guide.yml": manifest})))
    expected = {"contact": "'contact' should be text or a section with email, phone, web, "
                           "hours",
                "kiosk": "'kiosk' should be a section of 'key: value' lines"}[key]
    assert f"guide.yml:9: error: {expected}" in problems


def test_a_short_kiosk_section_takes_the_defaults_quietly(make_pack: Callable[..., Path]) -> None:
    manifest = MISTAKES.split("accent:")[0] + "kiosk:\n  idle_seconds: 60\n"
    pack = load_pack(make_pack({"guide.yml": manifest}))
    assert manifest_problems(pack) == [
        ("guide.yml:1: error: id 'Org Example' should be lower-case letters and digits with dots "
         "or hyphens (like org.example.lupus-guide); using 'org-example'")]
    assert pack.kiosk == KioskSettings(idle_seconds=60)


@pytest.mark.parametrize("name", ["", "icon.gif", "../icon.svg", "missing.svg"])
def test_an_unusable_icon_is_none(make_pack: Callable[..., Path], name: str) -> None:
    manifest = MISTAKES.split("accent:")[0] + (f"icon: {name}\n" if name else "")
    assert load_pack(make_pack({"guide.yml": manifest})).edition.icon == ""


def test_a_manifest_that_cannot_be_read_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: Callable[..., None]) -> None:
    (tmp_path / "guide.yml").write_bytes(b"title: \xff\xfe\n")
    with pytest.raises(PackError) as failed:
        load_pack(tmp_path)
    assert str(failed.value) == (f"{tmp_path / 'guide.yml'}:1: not valid UTF-8 text (byte 7); "
                                 "save the file as UTF-8")
    locked("guide.yml", "Permission denied")
    with pytest.raises(PackError) as failed:
        load_pack(tmp_path)
    assert str(failed.value) == f"{tmp_path / 'guide.yml'}: cannot read file: Permission denied"
    monkeypatch.undo()
    (tmp_path / "file").write_text("x")
    with pytest.raises(PackError, match=r"^content pack is not a folder: "):
        load_pack(tmp_path / "file")


@pytest.mark.parametrize(("extra", "summary"), [
    ("colour: red\n", "checked 4 articles: 1 error, 1 warning"),
    ("colour: red\nacent: red\nhelp_now: x\n", "checked 4 articles: 2 errors, 2 warnings"),
])
def test_check_counts_in_words(make_pack: Callable[..., Path],
                               capsys: pytest.CaptureFixture[str], extra: str,
                               summary: str) -> None:
    root = make_pack({"guide.yml": MISTAKES.split("accent:")[0] + extra})
    main(["check", str(root)])
    assert capsys.readouterr().out.splitlines()[-1] == summary


def test_check_as_json_for_other_tools(make_pack: Callable[..., Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack({"guide.yml": MISTAKES.split("accent:")[0]})
    assert main(["check", str(root), "--format", "json"]) == 1
    out = capsys.readouterr().out
    report = json.loads(out)
    assert out.startswith('{\n  "pack": ')
    assert (report["pack"], report["articles"], report["errors"]) == (str(root), 4, 1)


def test_check_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for said in ("usage: health-guide check [-h] [--format {text,json}] [DIR]",
                 ("Check a content pack and list its problems, one a line, like a compiler. "
                  "Exits with 1 if there are errors."),
                 "DIR the pack to check (default: the bundled guide)",
                 "--format {text,json} output as text lines (default) or one JSON document"):
        assert said in text


def test_check_of_a_folder_that_is_no_pack(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path}: error: {tmp_path} is not a content pack: it has no guide.yml",
        "checked 0 articles: 1 error, 0 warnings"]


def test_check_without_a_folder_checks_the_bundled_guide(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pack"] == str(bundled_dir("content"))


def test_a_contact_detail_that_is_not_text_is_named(make_pack: Callable[..., Path]) -> None:
    manifest = MISTAKES.split("accent:")[0] + "contact:\n  phone: [1, 2]\n  email: a@b.org\n"
    pack = load_pack(make_pack({"guide.yml": manifest}))
    assert "guide.yml:9: error: 'contact' should be text, not list" in manifest_problems(pack)
    assert pack.edition.contact == Contact(email="a@b.org")
