"""The default guide's own content: every medicine it names is connected to its page."""

from __future__ import annotations

import re

import pytest

from guide.content import scan_body
from guide.glossary import GLOSSARY_ID
from guide.links import article_link_target
from guide.model import Article, Pack
from guide.readability import reading_text

OTC = "medicines/over-the-counter-pain-relievers"
FDA = "medicines/fda-approved-medicines"
GABAPENTINOIDS = "medicines/gabapentin-and-pregabalin"
TRICYCLICS = "medicines/amitriptyline-and-cyclobenzaprine"
OPIOIDS = "medicines/why-not-strong-opioids"

# A medicine (generic or brand name) with a page of its own: an article that names it must link
# to one of these pages. Add a line when a new medicine page is written.
_PAGES_OF_NAMES: list[tuple[tuple[str, ...], set[str]]] = [
    (("tramadol", "Ultram", "Ultracet"), {"medicines/tramadol"}),
    (("ketamine", "Ketalar"), {"medicines/ketamine-infusion"}),
    (("naltrexone", "LDN"), {"medicines/low-dose-naltrexone"}),
    (("amitriptyline", "Elavil", "cyclobenzaprine", "Flexeril"), {TRICYCLICS}),
    (("duloxetine", "Cymbalta", "milnacipran", "Savella", "Tonmya"), {FDA}),
    (("pregabalin", "Lyrica"), {FDA, GABAPENTINOIDS}),
    (("gabapentin", "Neurontin"), {GABAPENTINOIDS}),
    (("ibuprofen", "Advil", "naproxen", "Aleve", "aspirin", "paracetamol", "acetaminophen",
      "Tylenol", "NSAID"), {OTC}),
    (("oxycodone", "morphine", "hydrocodone", "fentanyl"), {OPIOIDS}),
]
MEDICINE_PAGES = {name: frozenset(pages) for names, pages in _PAGES_OF_NAMES for name in names}
MEDICINE_NAMES = sorted(MEDICINE_PAGES, key=str.lower)

# Medicines named in the guide without a page of their own: the glossary must explain each,
# so the renderer links its first use to the definition.
GLOSSARY_MEDICINES = (
    "codeine", "naloxone", "zolpidem", "topiramate", "triptan", "benzodiazepine",
    "fluoxetine", "sertraline", "paroxetine", "bupropion", "SSRI", "SNRI", "MAOI",
    "St John's wort", "esketamine", "sodium oxybate", "nabilone", "lidocaine", "capsaicin",
)


def _mentions(article: Article, name: str) -> bool:
    flags = 0 if name.isupper() else re.IGNORECASE  # "LDN" the medicine, not a word in a name
    pattern = rf"(?<![\w-]){re.escape(name)}(?:e?s)?(?![\w-])"
    return re.search(pattern, reading_text(article.body), flags) is not None


def _linked_articles(article: Article) -> set[str]:
    _headings, links, _html = scan_body(article.body)
    targets = (article_link_target(article.id, target) for _line, kind, target in links
               if kind == "link")
    return {target[0] for target in targets if target is not None}


def _readable_articles(pack: Pack) -> list[Article]:
    return [a for a in pack.articles.values() if not a.error and a.id != GLOSSARY_ID]


def test_every_medicine_page_in_the_map_exists(bundled_pack: Pack) -> None:
    pages = set().union(*MEDICINE_PAGES.values())
    assert sorted(pages - set(bundled_pack.articles)) == []


@pytest.mark.parametrize("name", MEDICINE_NAMES)
def test_articles_naming_a_medicine_link_to_its_page(bundled_pack: Pack, name: str) -> None:
    pages = MEDICINE_PAGES[name]
    unlinked = [a.id for a in _readable_articles(bundled_pack)
                if a.id not in pages and _mentions(a, name)
                and not pages & _linked_articles(a)]
    assert unlinked == [], f"these articles name {name} without linking {sorted(pages)}"


@pytest.mark.parametrize("name", GLOSSARY_MEDICINES)
def test_medicines_without_a_page_are_explained_by_the_glossary(bundled_pack: Pack,
                                                                 name: str) -> None:
    assert bundled_pack.glossary.term(name) is not None, f"add {name!r} to glossary.yml"


def test_the_link_check_sees_mentions_and_links(bundled_pack: Pack) -> None:
    """The helpers above find what they should (so the tests above can fail)."""
    tramadol = bundled_pack.article("medicines/tramadol")
    ketamine = bundled_pack.article("medicines/ketamine-infusion")
    assert tramadol is not None
    assert ketamine is not None
    assert _mentions(ketamine, "tramadol")
    assert not _mentions(ketamine, "Elavil")
    assert "medicines/tramadol" in _linked_articles(ketamine)
    unlinked = Article("x/y", "x/y.md", "Y", body="Take tramadol.")
    assert _mentions(unlinked, "tramadol")
    assert not _linked_articles(unlinked)
