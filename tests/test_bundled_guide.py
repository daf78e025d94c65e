"""The default guide's own content: safety facts stay in place, medicines stay connected.

The safety tests pin the fixes of the independent pharmacist review
(``shared/reviews/content-review.md``, issue 7): each would fail if an edit removed the warning.
"""

from __future__ import annotations

import re

import pytest

from guide.glossary import GLOSSARY_ID
from guide.links import article_link_target
from guide.markdown_scan import scan
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
    targets = (article_link_target(article.id, link.target) for link in scan(article.body).links
               if link.kind == "link")
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


def test_medicines_without_a_page_are_explained_by_the_glossary(bundled_pack: Pack) -> None:
    named = [name for name in GLOSSARY_MEDICINES
             if any(_mentions(a, name) for a in _readable_articles(bundled_pack))]
    assert len(named) >= len(GLOSSARY_MEDICINES) // 2  # the list is about this guide
    missing = [name for name in named if bundled_pack.glossary.term(name) is None]
    assert missing == [], "add these to glossary.yml"


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


def _text(pack: Pack, article_id: str) -> str:
    article = pack.article(article_id)
    assert article is not None, article_id
    return " ".join(reading_text(article.body).split())


@pytest.mark.parametrize(("article_id", "must_say"), [
    # finding 1 (critical): NSAIDs from 20 weeks of pregnancy
    (OTC, "Do not take NSAIDs from 20 weeks of pregnancy unless a doctor tells you to"),
    ("medicines/pregnancy-and-breastfeeding", "20 weeks"),
    # finding 10: aspirin and Reye's syndrome, wherever aspirin is suggested
    (OTC, "under 16 unless a doctor prescribes it"),
    ("related-conditions/headache-and-migraine", "under 16 unless a doctor prescribes it"),
    # finding 4: the MAOI rule for the SNRIs, not only Tonmya
    (FDA, "Do not take duloxetine, milnacipran or Tonmya within 14 days of stopping an MAOI"),
    # findings 2 and 3: tramadol names the medicines this audience takes
    ("medicines/tramadol", "duloxetine"),
    ("medicines/tramadol", "amitriptyline"),
    ("medicines/tramadol", "cyclobenzaprine"),
    ("medicines/tramadol", "within 14 days of stopping one"),
    ("medicines/tramadol", "pregabalin"),
    ("medicines/tramadol", "gabapentin"),
    ("medicines/tramadol", "fluoxetine"),
    # finding 11 and 12: same-day help, and overdoses that look well at first
    ("practical-help/when-to-get-urgent-help", "same day"),
    ("practical-help/when-to-get-urgent-help", "even if they seem well"),
    # findings 6, 9 and 24: ketamine's bladder, liver, pregnancy and driving warnings
    ("medicines/ketamine-infusion", "ketamine cystitis"),
    ("medicines/ketamine-infusion", "yellow"),
    ("medicines/ketamine-infusion", "pregnant"),
    ("medicines/ketamine-infusion", "until the next day"),
    ("medicines/ketamine-infusion", "dissociation"),
])
def test_safety_warnings_of_the_review_stay_in_place(bundled_pack: Pack, article_id: str,
                                                     must_say: str) -> None:
    assert must_say.casefold() in _text(bundled_pack, article_id).casefold()


@pytest.mark.parametrize("figure", ["20 mg", "40 mg", "10 infusions", "$5,000",
                                    "Few people stop", "It does help some people"])
def test_ketamine_page_keeps_no_unsourced_protocol_or_claims(bundled_pack: Pack,
                                                             figure: str) -> None:
    """Findings 5, 7, 8 and 15: one clinic's protocol, a cost from an untraceable page."""
    assert figure not in _text(bundled_pack, "medicines/ketamine-infusion")


def test_urgent_help_lists_a_swollen_calf_under_the_same_day_not_within_days(
        bundled_pack: Pack) -> None:
    article = bundled_pack.article("practical-help/when-to-get-urgent-help")
    assert article is not None
    body = article.body
    same_day = body.index("## Get help the same day")
    later = body.index("## ", same_day + 3)
    assert "swollen calf" in body[same_day:later]
    assert "joint with a fever" in body[same_day:later]


def test_no_page_says_last_reviewed_while_no_clinician_is_named(bundled_pack: Pack) -> None:
    from guide.render import Renderer  # noqa: PLC0415

    renderer = Renderer(bundled_pack)
    for article in _readable_articles(bundled_pack):
        assert article.is_draft
        html = renderer.article_html(article)
        meta = html[html.index('<p class="meta">'):]
        meta = meta[:meta.index("</p>")]
        assert "Last edited" in meta, article.id
        assert "Last reviewed" not in meta, article.id
