"""Loading content packs: structure, metadata and the problems reported for bad input."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.model import Article, Pack, PackError, Problem, slugify
from guide.modes import KioskSettings
from guide.passphrase import hash_passphrase
from tests.conftest import MANIFEST, article


def messages(pack: Pack) -> list[str]:
    return [str(p) for p in pack.problems]


def test_tiny_pack_tree_follows_section_and_article_order(tiny_pack: Pack) -> None:
    assert tiny_pack.tree.outline() == textwrap.dedent("""\
        Welcome [welcome]
        Treatments/
          Alpha treatment [treatments/alpha]
          Beta treatment [treatments/beta]
        Living well/
          Pacing [living/pacing]""")
    assert tiny_pack.problems == ()


def test_article_metadata_is_parsed(tiny_pack: Pack) -> None:
    alpha = tiny_pack.article("treatments/alpha")
    assert isinstance(alpha, Article)
    assert alpha.title == "Alpha treatment"
    assert alpha.section_id == "treatments"
    assert alpha.last_reviewed == dt.date(2026, 11, 27)
    assert alpha.is_draft
    assert [s.title for s in alpha.sources] == ["A source", "Another"]
    assert alpha.related == ("treatments/beta",)
    assert alpha.facts == ("Alpha is new.",)
    assert [h.anchor for h in alpha.headings] == ["what-it-is", "risks"]
    assert alpha.body.startswith("## What it is")
    assert repr(alpha) == "Article('treatments/alpha', 'Alpha treatment')"


def test_manifest_disclaimer_and_facts(tiny_pack: Pack) -> None:
    assert (tiny_pack.title, tiny_pack.publisher, tiny_pack.home) == (
        "Test Guide", "Test Publisher", "welcome")
    assert tiny_pack.disclaimer.version == "3"
    assert "information only" in tiny_pack.disclaimer.text
    assert [f.text for f in tiny_pack.facts_for("treatments/alpha")] == ["Pain is common."]
    assert tiny_pack.facts[1].source is not None
    assert tiny_pack.facts[1].source.citation() == "Sleep Org. Sleep facts (2021)"


def test_broken_front_matter_keeps_rest_of_pack(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"articles/treatments/beta.md": "---\ntitle: [unclosed\n---\nx"}))
    beta = pack.article("treatments/beta")
    assert beta is not None
    assert beta.error
    assert beta.title == "Beta"
    assert pack.article("treatments/alpha") is not None
    assert any(m.startswith("articles/treatments/beta.md:3: error: invalid YAML")
               for m in messages(pack))


def test_invalid_utf8_reports_line(make_pack: Callable[..., Path]) -> None:
    data = article("Beta").encode() + b"line one\n\xff\xfe broken\n"
    pack = load_pack(make_pack({"articles/treatments/beta.md": data}))
    beta = pack.article("treatments/beta")
    assert beta is not None
    assert "UTF-8" in beta.error
    line = data[: data.index(b"\xff")].count(b"\n") + 1
    assert f"articles/treatments/beta.md:{line}: error: not valid UTF-8" in "\n".join(
        messages(pack))


def test_unknown_links_images_and_raw_html_are_reported(make_pack: Callable[..., Path]) -> None:
    body = """\
        ## Heading

        See [nothing](missing.md) and [bad anchor](beta.md#nope).
        ![A chart](images/chart.png)
        <script>alert(1)</script>
        """
    pack = load_pack(make_pack({"articles/treatments/alpha.md": article("Alpha", body)}))
    found = messages(pack)
    # 14 lines of front matter and a blank line come before the body
    assert "articles/treatments/alpha.md:18: error: link to unknown article 'missing.md'" in found
    assert ("articles/treatments/alpha.md:18: error: no heading '#nope' in 'treatments/beta'"
            in found)
    assert ("articles/treatments/alpha.md:19: error: image 'images/chart.png' does not exist"
            in found)
    assert ("articles/treatments/alpha.md:20: warning: HTML shown as text, not as HTML (1 tag: "
            "<script>): the guide shows no such tags; write it in Markdown") in found


def test_existing_image_is_not_reported(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({
        "articles/treatments/alpha.md": article("Alpha", "![A chart](images/chart.png)"),
        "articles/treatments/images/chart.png": b"\x89PNG\r\n\x1a\n",
    }))
    assert not [m for m in messages(pack) if "image" in m]


def test_links_escaping_the_pack_are_errors(make_pack: Callable[..., Path]) -> None:
    body = "[out](../../guide.yml) ![x](../../../etc/passwd.png)"
    pack = load_pack(make_pack({"articles/treatments/alpha.md": article("Alpha", body)}))
    found = "\n".join(messages(pack))
    assert "is not a relative link to a .md article" in found
    assert "image '../../../etc/passwd.png' is outside the pack" in found


def test_missing_required_fields_and_unreviewed_status(make_pack: Callable[..., Path]) -> None:
    source = "---\ntitle: Beta\nstatus: reviewed\n---\nText\n"
    pack = load_pack(make_pack({"articles/treatments/beta.md": source}))
    found = messages(pack)
    assert "articles/treatments/beta.md:1: error: missing required front matter 'summary'" in found
    assert "articles/treatments/beta.md:1: error: missing required front matter 'sources'" in found
    assert any("'reviewed_by' names no one" in m for m in found)
    beta = pack.article("treatments/beta")
    assert beta is not None
    assert beta.is_draft


def test_wrongly_typed_fields_do_not_crash(make_pack: Callable[..., Path]) -> None:
    source = article("Beta", order="first", related="{a: 1}", last_reviewed="yesterday",
                     facts="[[nested]]")
    pack = load_pack(make_pack({"articles/treatments/beta.md": source}))
    beta = pack.article("treatments/beta")
    assert beta is not None
    assert (beta.order, beta.related, beta.last_reviewed, beta.facts) == (1000, (), None, ())
    found = "\n".join(messages(pack))
    assert "'order' should be a whole number" in found
    assert "'last_reviewed' should be a date" in found


def test_unknown_related_home_and_facts_problems(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({
        "guide.yml": textwrap.dedent("""\
            title: T
            home: nowhere
            disclaimer: {file: disclaimer.md, version: "1"}
            """),
        "articles/treatments/beta.md": article("Beta", related="[treatments/gamma]"),
        "facts.yml": "facts:\n  - text: No source here.\n  - source: {title: x}\n",
    }))
    found = messages(pack)
    assert pack.home == "welcome"
    assert "guide.yml:2: error: home article 'nowhere' does not exist; using 'welcome'" in found
    assert ("articles/treatments/beta.md:14: error: related article 'treatments/gamma' does not "
            "exist") in found
    assert "facts.yml:2: error: fact 1 has no source" in found
    assert "facts.yml:3: error: fact 2 has no 'text'" in found


def test_missing_disclaimer_falls_back_to_generic_text(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"disclaimer.md": None}))
    assert "not medical advice" in pack.disclaimer.text
    assert "disclaimer.md: error: disclaimer file not found; a generic one is shown" in messages(
        pack)


@pytest.mark.parametrize(("disclaimer", "expected"), [
    ("disclaimer:\n  file: disclaimer.md\n",
     ("guide.yml:6: error: the disclaimer has no 'version': add one (for example 'version: 1') "
      "and raise it whenever the text changes, so readers are asked to accept it again")),
    ('disclaimer:\n  version: "3"\n',
     "guide.yml:6: error: the disclaimer has no 'file': a generic disclaimer is shown instead"),
    ("disclaimer:\n  file: disclaimer.md\n  version: [1, 2]\n",
     "guide.yml:6: error: 'version' should be text, not list"),
])
def test_disclaimer_without_a_file_or_version_is_told_exactly_that(
        make_pack: Callable[..., Path], disclaimer: str, expected: str) -> None:
    manifest = MANIFEST.replace('disclaimer:\n  file: disclaimer.md\n  version: "3"\n',
                                disclaimer)
    assert manifest != MANIFEST
    pack = load_pack(make_pack({"guide.yml": manifest}))
    assert [m for m in messages(pack) if m.startswith("guide.yml")] == [expected]


def test_source_addresses_the_guide_cannot_open_are_errors(
        make_pack: Callable[..., Path]) -> None:
    sources = ("\n  - title: On the web\n    url: https://example.org/s"
               "\n  - title: A script\n    url: javascript:alert(1)"
               "\n  - title: An old server\n    url: ftp://example.org/old"
               "\n  - title: No scheme\n    url: www.example.org/x"
               "\n  - title: Mistyped\n    url: http://[oops")
    pack = load_pack(make_pack({
        "articles/living/pacing.md": article("Pacing", sources=sources),
        "facts.yml": "facts:\n  - text: A fact.\n    source: {title: F, url: 'file:///f'}\n",
    }))
    found = messages(pack)
    for address in ("javascript:alert(1)", "ftp://example.org/old", "www.example.org/x",
                    "http://[oops"):
        assert (f"articles/living/pacing.md:7: error: source address '{address}' cannot be "
                "opened by the guide: give a web address starting with https://") in found
    assert ("facts.yml:2: error: source address 'file:///f' cannot be opened by the guide: "
            "give a web address starting with https://") in found
    assert not [m for m in found if "example.org/s" in m]


@pytest.mark.parametrize(("change", "expected"), [
    ({"guide.yml": None}, "is not a content pack: it has no guide.yml"),
    ({"guide.yml": "title: [oops\n"}, "guide.yml:2: invalid YAML"),
    ({"guide.yml": "- a list\n"}, "should be a mapping"),
])
def test_unusable_packs_raise_pack_error(make_pack: Callable[..., Path],
                                         change: dict[str, str | None], expected: str) -> None:
    with pytest.raises(PackError, match=expected):
        load_pack(make_pack(change))


def test_missing_folder_and_pack_without_articles(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="folder not found"):
        load_pack(tmp_path / "nope")
    (tmp_path / "guide.yml").write_text("title: Empty\n")
    (tmp_path / "articles").mkdir()
    with pytest.raises(PackError, match="has no articles"):
        load_pack(tmp_path)


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_leaving_the_pack_is_ignored(make_pack: Callable[..., Path],
                                             tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(article("Secret"))
    root = make_pack()
    (root / "articles" / "treatments" / "secret.md").symlink_to(outside)
    pack = load_pack(root)
    assert pack.article("treatments/secret") is None
    assert ("articles/treatments/secret.md: warning: links to a file outside the pack; ignored"
            in messages(pack))


def test_problem_prints_like_a_compiler() -> None:
    assert str(Problem("a.md", 3, "bad", "warning")) == "a.md:3: warning: bad"
    assert str(Problem("a.md", None, "bad")) == "a.md: error: bad"


def test_slugify_makes_githubs_anchors() -> None:
    assert slugify("What the research says") == "what-the-research-says"
    assert slugify("Côte d'Ivoire: A-Z?") == "côte-divoire-a-z"
    assert slugify("Side effects & risks") == "side-effects--risks"
    assert slugify("The dose_check tool") == "the-dose_check-tool"
    assert slugify("治疗方法") == "治疗方法"
    assert slugify("العِلاج") == "العِلاج"  # marks (harakat) are kept


REQUIRED_ARTICLES = (
    "welcome",
    "medicines/ketamine-infusion",
    "medicines/tramadol",
    "understanding/what-is-fibromyalgia",
    "related-conditions/crps",
)


def test_bundled_pack_is_complete_and_error_free(bundled_pack: Pack) -> None:
    errors = [str(p) for p in bundled_pack.problems if p.severity == "error"]
    assert errors == []
    for article_id in REQUIRED_ARTICLES:
        assert article_id in bundled_pack.articles
    assert bundled_pack.home == "welcome"
    assert len(bundled_pack.facts) >= 10
    assert all(fact.source is not None for fact in bundled_pack.facts)
    # nothing pretends to a clinical review that did not happen
    assert all(a.is_draft and not a.reviewed_by for a in bundled_pack.articles.values())


def test_impossible_date_is_a_problem_not_a_crash(make_pack: Callable[..., Path]) -> None:
    source = "---\ntitle: Beta\nlast_reviewed: 2026-02-30\n---\nText\n"
    pack = load_pack(make_pack({"articles/treatments/beta.md": source}))
    beta = pack.article("treatments/beta")
    assert beta is not None
    assert beta.error
    assert any("invalid YAML value: day is out of range" in str(p) for p in pack.problems)



KIOSK_ERRORS = """\
kiosk:
  idle_seconds: 5
  text_scale: 400
  take_home_url: "ftp://example.org/{id}"
  print: "yes"
  operator_passphrase: "my secret words"
  idle_second: 90
"""


def test_kiosk_section_mistakes_are_reported_and_defaults_used(
        make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"guide.yml": MANIFEST + KIOSK_ERRORS}))
    found = [str(p) for p in pack.problems if p.path == "guide.yml"]
    expected = [
        "error: kiosk idle_seconds should be a whole number from 10 to 3600, not 5",
        "error: kiosk text_scale should be a whole number from 80 to 250, not 400",
        "error: kiosk take_home_url should be a web address starting with https://",
        "error: kiosk print should be true or false, not 'yes'",
        "error: kiosk operator_passphrase is not a hash made by 'health-guide kiosk-passphrase'",
        "warning: unknown kiosk setting 'idle_second'",
    ]
    for message in expected:
        assert any(message in line for line in found), message
    assert all(line.startswith("guide.yml:10:") for line in found)  # the "kiosk:" line
    assert pack.kiosk == KioskSettings()
    assert "my secret words" not in repr(pack.kiosk)


def test_kiosk_section_values_reach_the_pack(make_pack: Callable[..., Path]) -> None:
    stored = hash_passphrase("operator only")
    section = (f"kiosk:\n  idle_seconds: 45\n  warning_seconds: 10\n  text_scale: 150\n"
               f"  take_home_url: https://example.org/guide/{{id}}\n  print: true\n"
               f"  operator_passphrase: \"{stored}\"\n")
    pack = load_pack(make_pack({"guide.yml": MANIFEST + section}))
    assert [p for p in pack.problems if p.path == "guide.yml"] == []
    assert pack.kiosk == KioskSettings(idle_seconds=45, warning_seconds=10, text_scale=150,
                                       take_home_url="https://example.org/guide/{id}",
                                       print=True, operator_passphrase=stored)


def test_warning_must_be_shorter_than_idle(make_pack: Callable[..., Path]) -> None:
    section = "kiosk:\n  idle_seconds: 20\n  warning_seconds: 20\n"
    pack = load_pack(make_pack({"guide.yml": MANIFEST + section}))
    assert any("warning_seconds should be shorter than idle_seconds" in str(p)
               for p in pack.problems)
    assert (pack.kiosk.idle_seconds, pack.kiosk.warning_seconds) == (20, 15)
