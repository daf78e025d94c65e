"""Glossary terms: matching rules, the generated page, and marking in rendered articles."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from guide.content import load_pack
from guide.glossary import GLOSSARY_ID, Glossary, Term, glossary_markdown, is_abbreviation
from guide.model import Pack
from guide.render import Renderer
from tests.conftest import article

GLOSSARY = Glossary((
    Term("Off-label", "Used in a way the regulator has not approved.", "off-label"),
    Term("Complex regional pain syndrome", "A long-lasting pain, usually in one limb.",
         "complex-regional-pain-syndrome", ("CRPS",)),
    Term("Infusion", "Medicine given slowly through a drip.", "infusion", ("drip",), ("IV",)),
    Term("IV", "Into a vein.", "iv"),
    Term("Low FODMAP diet", "A diet that cuts some sugars.", "low-fodmap-diet"),
))


def found(text: str) -> list[tuple[str, str]]:
    return [(m.term.term, text[m.start:m.end]) for m in GLOSSARY.find(text)]


def test_abbreviations_match_case_exactly_other_words_any_case() -> None:
    assert is_abbreviation("IV")
    assert is_abbreviation("ME/CFS")
    assert not is_abbreviation("Low FODMAP diet")
    assert found("an iv line") == []
    assert found("an IV line, crps, CRPS") == [("IV", "IV"), ("Complex regional pain syndrome",
                                                               "CRPS")]
    assert found("OFF-LABEL and Off-Label use") == [("Off-label", "OFF-LABEL"),
                                                     ("Off-label", "Off-Label")]
    assert found("a low fodmap diet") == [("Low FODMAP diet", "low fodmap diet")]


def test_plurals_longest_names_and_word_boundaries() -> None:
    assert found("two infusions and drips") == [("Infusion", "infusions"), ("Infusion", "drips")]
    assert found("complex regional pain syndrome") == [
        ("Complex regional pain syndrome", "complex regional pain syndrome")]
    assert found("reinfusion, infusion-like, IVs") == [("IV", "IVs")]


def test_a_name_never_runs_across_punctuation() -> None:
    # the audit's case: "For chronic pain, clinics give..." was marked as "Pain clinic"
    glossary = Glossary((Term("Pain clinic", "A service for long-term pain.", "pain-clinic"),))
    text = "For chronic pain, clinics give less. A pain\u00a0clinic or a pain\nclinic."
    assert [text[m.start:m.end] for m in glossary.find(text)] == ["pain\u00a0clinic",
                                                                   "pain\nclinic"]
    assert glossary.terms_in("For chronic pain, clinics give less.") == ()
    assert found("complex regional pain. Syndrome") == []


def test_glossary_page_is_alphabetical_with_letter_headings() -> None:
    page = glossary_markdown(GLOSSARY)
    order = [line for line in page.splitlines() if line.startswith("#")]
    assert order == ["## C", "### Complex regional pain syndrome", "## I", "### Infusion",
                     "### IV", "## L", "### Low FODMAP diet", "## O", "### Off-label"]
    assert "*Also called:* drip" in page
    assert "*See also:* [IV](#iv)" in page


def test_pack_glossary_becomes_an_article_at_the_end_of_the_tree(
        make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"glossary.yml": (
        "last_reviewed: 2026-11-27\n"
        "terms:\n  - term: Pacing\n    definition: Spreading out activity.\n")}))
    glossary = pack.article(GLOSSARY_ID)
    assert glossary is not None
    assert pack.tree.children[-1] is glossary
    assert "### Pacing" in glossary.body
    assert pack.problems == ()


def test_first_use_of_each_term_is_linked_once(make_pack: Callable[..., Path]) -> None:
    body = """\
        ## Off-label use

        Ketamine is off-label. It is off-label again. Read about [infusion](beta.md).
        An infusion goes into a vein. `IV` in code is not marked, but IV is.
        """
    pack = load_pack(make_pack({
        "articles/treatments/alpha.md": article("Alpha", body),
        "glossary.yml": "terms:\n"
                        "  - {term: Off-label, definition: Not approved for this use.}\n"
                        "  - {term: Infusion, definition: Slowly through a drip.}\n"
                        "  - {term: IV, definition: Into a vein.}\n",
    }))
    alpha = pack.article("treatments/alpha")
    assert alpha is not None
    html = Renderer(pack).article_html(alpha)
    assert html.count('class="term"') == 3
    assert ('<a class="term" href="article:glossary#off-label" '
            'title="Off-label: Not approved for this use.">off-label</a>') in html
    assert '<h2 id="off-label-use"><a name="off-label-use"></a>Off-label use</h2>' in html
    assert '<a href="article:treatments/beta" title="Beta treatment">infusion</a>' in html
    assert 'title="Infusion: Slowly through a drip.">infusion</a> goes into a vein' in html
    assert "<code>IV</code>" in html


def test_header_shows_reading_level_and_status(tiny_pack: Pack) -> None:
    alpha = tiny_pack.article("treatments/alpha")
    assert alpha is not None
    html = Renderer(tiny_pack).article_html(alpha)
    assert "Reading level: grade" in html


def test_bundled_glossary_is_big_and_used(bundled_pack: Pack) -> None:
    assert len(bundled_pack.glossary.terms) >= 60
    crps = bundled_pack.glossary.term("CRPS")
    assert crps is not None
    assert crps.term == "Complex regional pain syndrome"


def test_marking_keeps_the_text_in_order(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({
        "articles/treatments/alpha.md": article(
            "Alpha", "It causes **dependence** and addiction, then seizures. Never *share* it."),
        "glossary.yml": "terms:\n"
                        "  - {term: Dependence, definition: Needing it.}\n"
                        "  - {term: Addiction, definition: Losing control.}\n"
                        "  - {term: Seizure, definition: A fit.}\n",
    }))
    alpha = pack.article("treatments/alpha")
    assert alpha is not None
    html = Renderer(pack).markdown_to_html(alpha.body, alpha.id)
    text = re.sub(r"<[^>]+>", "", html).strip()
    assert text == "It causes dependence and addiction, then seizures. Never share it."
    assert html.count('class="term"') == 3


def test_the_article_about_a_term_does_not_mark_it(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({
        "articles/treatments/alpha.md": article("Tramadol for pain", "Tramadol is an opioid."),
        "glossary.yml": "terms:\n"
                        "  - {term: Tramadol, definition: A pain medicine.}\n"
                        "  - {term: Opioid, definition: A strong pain medicine.}\n",
    }))
    alpha = pack.article("treatments/alpha")
    assert alpha is not None
    html = Renderer(pack).markdown_to_html(alpha.body, alpha.id)
    assert "glossary#tramadol" not in html
    assert "glossary#opioid" in html
