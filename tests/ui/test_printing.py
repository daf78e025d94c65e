"""Printed handouts: what the PDF says, and pages that never cut a line in two."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.content import load_pack
from guide.handout import HandoutWriter
from guide.model import Pack
from guide.questions import Question
from guide.render import DRAFT_BADGE, Renderer
from guide.ui.printing import laid_out, laid_out_guide, new_pdf_printer, print_layout, save_pdf
from tests.conftest import article

pytestmark = pytest.mark.usefixtures("qapp")  # fonts and printers need a QApplication

PRINTED = dt.date(2026, 12, 3)
SOURCES = ("\n  - title: Web page\n    publisher: Web Org\n    year: 2024\n"
           "    url: https://example.org/alpha/leaflet\n"
           "  - title: A paper\n    publisher: Journal\n    year: 2020\n    doi: 10.1000/xyz")
WORDS = ["pain", "sleep", "tired", "pacing", "doctor", "walking", "rest", "gentle", "stretch",
         "warm", "bath", "plan", "diary", "flare", "body", "mind", "week", "morning", "evening",
         "helps", "slowly"]


def writer(pack: Pack) -> HandoutWriter:
    return HandoutWriter(pack, Renderer(pack), PRINTED)


def pdf_pages(path: Path) -> list[str]:
    """The text of each page on one line (a change of font can add a space before a stop)."""
    return [re.sub(r" (?=[.,;:)])", "", " ".join(page.extract_text().split()))
            for page in PdfReader(path).pages]


def long_body(words: int) -> str:
    """Markdown of about ``words`` words: headings, paragraphs, lists, call-outs, tables."""
    parts, count, section = [], 0, 0
    while count < words:
        section += 1
        sentence = " ".join(WORDS[(section + i) % len(WORDS)] for i in range(12)) + "."
        parts += [f"## Part {section}", " ".join([sentence] * 6), "",
                  *(f"- {sentence}" for _ in range(4)), "",
                  '!!! warning "Take care"', f"    {sentence} {sentence}", "",
                  "| when | what |", "| --- | --- |",
                  *(f"| day {n} | {sentence} |" for n in range(3)), ""]
        count += 12 * 6 + 12 * 4 + 24 + 3 * 14
    return "\n".join(parts)


def test_an_article_prints_everything_a_doctor_needs(make_pack: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    pack = load_pack(make_pack({"articles/treatments/alpha.md": article(
        "Alpha treatment", "## Risks\n\nSee [the leaflet](https://example.org/leaflet).",
        sources=SOURCES)}))
    out = tmp_path / "alpha.pdf"
    pages = save_pdf(writer(pack).article("treatments/alpha"), pack.root, out)
    assert pages == 1
    text = pdf_pages(out)[0]
    for expected in ("Health Guide", "Test Guide", "Alpha treatment", "About alpha treatment.",
                     DRAFT_BADGE.replace("\u2013", "-"), "Last edited 27 November 2026",
                     "See the leaflet (https://example.org/leaflet).", "Sources",
                     "https://example.org/alpha/leaflet", "https://doi.org/10.1000/xyz",
                     "This is information only.", "Printed 3 December 2026", "Page 1 of 1"):
        assert expected.replace("\u2013", "-") in text.replace("\u2013", "-"), expected
    reader = PdfReader(out)
    assert reader.metadata is not None
    assert reader.metadata.title == "Alpha treatment"


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large print"])
def test_a_3000_word_article_paginates_without_cutting_a_line(
        make_pack: Callable[..., Path], tmp_path: Path, large: bool) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": article(
        "Pacing", long_body(3000))}))
    handout = writer(pack).article("living/pacing")
    printer = new_pdf_printer(tmp_path / "long.pdf")
    layout = laid_out(handout, pack.root, printer, large=large)
    assert layout.cut_lines() == []
    assert layout.page_count >= (10 if large else 6)
    assert print_layout(layout, printer) == layout.page_count
    pages = pdf_pages(tmp_path / "long.pdf")
    assert len(pages) == layout.page_count
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
        assert "This is information only." in text
        assert "Printed 3 December 2026" in text
        if number > 1:
            assert text.startswith("Pacing"), "later pages name the article at the top"


def test_large_print_is_about_half_as_large_again(make_pack: Callable[..., Path],
                                                  tmp_path: Path) -> None:
    pack = load_pack(make_pack({"articles/living/pacing.md": article(
        "Pacing", long_body(1500))}))
    handout = writer(pack).article("living/pacing")
    normal = laid_out(handout, pack.root, new_pdf_printer(tmp_path / "n.pdf"))
    large = laid_out(handout, pack.root, new_pdf_printer(tmp_path / "l.pdf"), large=True)
    assert large.base_pt / normal.base_pt == 1.5
    assert large.page_count > 1.8 * normal.page_count


def test_my_questions_fit_on_one_page(tiny_pack: Pack, tmp_path: Path) -> None:
    questions = [Question("treatments/alpha", f"Question number {n} about how long the "
                          "treatment takes to work and what happens if it does not?")
                 for n in range(30)]
    out = tmp_path / "questions.pdf"
    assert save_pdf(writer(tiny_pack).questions(questions), tiny_pack.root, out) == 1
    text = pdf_pages(out)[0]
    assert "My questions for the doctor" in text
    assert "Question number 29" in text


def test_the_whole_guide_has_a_contents_page_with_the_right_page_numbers(
        tiny_pack: Pack, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    printer = new_pdf_printer(out)
    layout = laid_out_guide(writer(tiny_pack), printer)
    print_layout(layout, printer)
    pages = pdf_pages(out)
    assert "Contents" in pages[0]
    listed = re.findall(r"(Welcome|Alpha treatment|Beta treatment|Pacing) (\d+)", pages[0])
    assert [title for title, _page in listed] == [
        "Welcome", "Alpha treatment", "Beta treatment", "Pacing"]
    for title, page in listed:
        assert pages[int(page) - 1].startswith(title) or f" {title} " in pages[int(page) - 1]
        assert f"About {title.lower()}." in pages[int(page) - 1], (title, page)
