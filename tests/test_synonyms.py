"""A pack's search vocabulary: concepts, classes and stop words, loaded and checked."""

from __future__ import annotations

import pickle
import textwrap
from collections.abc import Callable
from pathlib import Path

from guide.cache import PackCache
from guide.content import load_pack
from guide.model import Pack
from guide.stop_words import stop_words_for
from guide.synonyms import Concept, Expansion, Synonyms, name_key
from tests.conftest import article

SYNONYMS = Synonyms((
    Concept(("antidepressant",), ("SSRI", "bupropion")),
    Concept(("SSRI", "selective serotonin reuptake inhibitor"), ("fluoxetine", "sertraline")),
    Concept(("fluoxetine", "Prozac")),
    Concept(("pregnant", "pregnancy")),
    Concept(("loop",), ("loop",)),  # includes itself: must not go round for ever
))


def test_names_compare_by_their_letters_and_digits() -> None:
    assert name_key("Can\u2019t  sleep") == ("can", "t", "sleep")
    assert name_key("ME/CFS") == ("me", "cfs")
    assert name_key("--") == ()


def test_words_find_each_other() -> None:
    assert SYNONYMS.expand(("pregnant",)) == Expansion(("pregnancy",))
    assert SYNONYMS.knows(("pregnancies",)) is None
    assert SYNONYMS.knows(("ssris",)) == ("ssri",)


def test_a_class_finds_its_members_all_the_way_down_and_its_own_class() -> None:
    assert SYNONYMS.expand(("antidepressant",)) == Expansion(
        ("SSRI", "bupropion", "selective serotonin reuptake inhibitor", "fluoxetine",
         "sertraline", "Prozac"))
    assert SYNONYMS.expand(("ssri",)).wider == ("antidepressant",)


def test_a_member_finds_its_class_one_level_up() -> None:
    ssri = ("SSRI", "selective serotonin reuptake inhibitor")
    assert SYNONYMS.expand(("prozac",)) == Expansion(("fluoxetine",), ssri)
    assert SYNONYMS.expand(("sertraline",)) == Expansion((), ssri)
    assert SYNONYMS.expand(("loop",)) == Expansion()


def test_stop_words_by_language_plus_the_packs_own() -> None:
    english = stop_words_for("en-GB", ["Please"])
    assert {"how", "can", "i", "my", "does", "won't", "please"} <= english
    assert stop_words_for("xx") == frozenset()
    assert Synonyms((), english).is_stop_word("Won\u2019t")


def test_synonyms_pickle_and_compare() -> None:
    copy = pickle.loads(pickle.dumps(SYNONYMS))  # noqa: S301 - our own bytes
    assert copy == SYNONYMS
    assert hash(copy) == hash(SYNONYMS)
    assert repr(SYNONYMS) == "Synonyms(5 concepts, 0 stop words)"
    assert repr(SYNONYMS.concepts[0]) == "Concept(antidepressant > SSRI, bupropion)"


def test_pack_without_a_synonyms_file_gets_the_languages_stop_words(tiny_pack: Pack) -> None:
    assert tiny_pack.synonyms.concepts == ()
    assert tiny_pack.synonyms.is_stop_word("how")


def test_pack_synonyms_are_loaded_and_cached(make_pack: Callable[..., Path],
                                             tmp_path: Path) -> None:
    root = make_pack({"synonyms.yml": textwrap.dedent("""\
        stop_words: [alphabet]
        concepts:
          - words: [alpha, first letter]
            includes: [beta]
        """)})
    pack = load_pack(root)
    assert pack.synonyms.concepts == (Concept(("alpha", "first letter"), ("beta",)),)
    assert pack.synonyms.is_stop_word("alphabet")
    assert [p for p in pack.problems if p.path == "synonyms.yml"] == []
    PackCache(root, tmp_path / "cache").load()
    assert PackCache(root, tmp_path / "cache").load().synonyms == pack.synonyms


def synonym_problems(make_pack: Callable[..., Path], text: str) -> list[str]:
    pack = load_pack(make_pack({
        "synonyms.yml": textwrap.dedent(text),
        "articles/living/pacing.md": article("Pacing", "Go slowly, pace and rest. Me too."),
    }))
    return [str(p) for p in pack.problems if p.path == "synonyms.yml"]


def test_checker_reports_each_problem_with_its_line(make_pack: Callable[..., Path]) -> None:
    assert synonym_problems(make_pack, """\
        concepts:
          - words: [pacing, pace]
            include: [rest]
          - words: []
          - words: [rest, pace]
          - words: [zebra, "--"]
          - just a word
          - words: [me, slowly]
        colour: blue
        """) == [
        "synonyms.yml:9: warning: unknown key 'colour' (known: concepts, stop_words)",
        "synonyms.yml:2: warning: concept 1: unknown key 'include' (known: words, includes)",
        "synonyms.yml:4: error: concept 2 has no 'words'",
        ("synonyms.yml:6: error: concept 4: '--' in 'words' has no letters or digits, so search "
        "cannot use it"),
        "synonyms.yml:7: error: concept 5 should be a mapping with 'words'",
        ("synonyms.yml:5: warning: 'pace' is also a word of the concept 'pacing': merge the "
        "two, or use 'includes'"),
        ("synonyms.yml:8: warning: 'me' is a stop word: search takes it as a name only when it "
        "is typed in capitals"),
        ("synonyms.yml:6: warning: no article uses 'zebra' or any name it stands for, so "
        "searching for it finds nothing"),
    ]


def test_broken_synonyms_file_is_an_error_and_stop_words_still_apply(
        make_pack: Callable[..., Path]) -> None:
    [problem] = synonym_problems(make_pack, "concepts: [\n")
    assert problem.startswith("synonyms.yml:2: error: invalid YAML")
    assert synonym_problems(make_pack, "concepts: 3\n") == [
        "synonyms.yml:1: error: should hold a 'concepts:' list"]
    pack = load_pack(make_pack({"synonyms.yml": "- a list\n"}))
    assert pack.synonyms.concepts == ()
    assert pack.synonyms.is_stop_word("how")


def test_bundled_synonyms_are_clean_and_cover_the_issue(bundled_pack: Pack) -> None:
    assert [p for p in bundled_pack.problems if p.path == "synonyms.yml"] == []
    synonyms = bundled_pack.synonyms
    assert {"fluoxetine", "sertraline"} <= set(synonyms.expand(("ssri",)).same)
    assert {"duloxetine", "milnacipran"} <= set(synonyms.expand(("snri",)).same)
    assert {"tramadol", "oxycodone"} <= set(synonyms.expand(("opioid",)).same)
    for brand, generic in (("lyrica", "pregabalin"), ("cymbalta", "duloxetine"),
                           ("savella", "milnacipran"), ("ultram", "tramadol"),
                           ("elavil", "amitriptyline"), ("flexeril", "cyclobenzaprine"),
                           ("tylenol", "acetaminophen"), ("advil", "ibuprofen")):
        assert generic in synonyms.expand((brand,)).same, brand
    for everyday, medical in (("pregnant", "pregnancy"), ("tired", "fatigue"),
                              ("job", "work")):
        assert medical in synonyms.expand((everyday,)).same, everyday
    assert "insomnia" in synonyms.expand(("can", "t", "sleep")).same
