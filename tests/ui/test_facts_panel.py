"""The quick-facts sidebar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from guide.model import Pack
from guide.ui.facts_panel import FactsPanel, pick_general_fact
from guide.ui.link_button import LinkButton


def make_panel(qtbot: QtBot, pack: Pack, article_id: str) -> FactsPanel:
    panel = FactsPanel(pack)
    qtbot.add_widget(panel)
    panel.show_article(pack.article(article_id))
    return panel


def test_panel_lists_glance_fact_source_and_related(qtbot: QtBot, tiny_pack: Pack) -> None:
    panel = make_panel(qtbot, tiny_pack, "treatments/alpha")
    assert panel.texts() == [
        "At a glance", "\u2022 Alpha is new.",
        "Did you know?", "Pain is common.", "Source: Pain Org. Pain facts (2020)",
        "More quick facts\u2026",
        "On this page", "What it is", "Risks",
        "Related articles", "Beta treatment",
    ]


def test_empty_sections_are_hidden(qtbot: QtBot, tiny_pack: Pack) -> None:
    panel = make_panel(qtbot, tiny_pack, "living/pacing")
    texts = panel.texts()
    assert "At a glance" not in texts
    assert "Related articles" not in texts
    assert "Did you know?" in texts


def test_buttons_emit_requests(qtbot: QtBot, tiny_pack: Pack) -> None:
    panel = make_panel(qtbot, tiny_pack, "treatments/alpha")
    buttons = {b.label_text(): b for b in panel.findChildren(LinkButton)}
    with qtbot.wait_signal(panel.article_requested) as blocker:
        buttons["Beta treatment"].click()
    assert blocker.args == ["treatments/beta"]
    with qtbot.wait_signal(panel.anchor_requested) as blocker:
        buttons["Risks"].click()
    assert blocker.args == ["risks"]
    more = panel.findChild(QPushButton, "moreFactsButton")
    assert more is not None
    with qtbot.wait_signal(panel.facts_page_requested):
        more.click()


def test_general_fact_prefers_facts_tied_to_the_article(tiny_pack: Pack) -> None:
    tied = pick_general_fact(tiny_pack, "treatments/alpha")
    assert tied is not None
    assert tied.text == "Pain is common."
    assert pick_general_fact(tiny_pack, "living/pacing") in tiny_pack.facts
    assert pick_general_fact(tiny_pack, "living/pacing") == pick_general_fact(
        tiny_pack, "living/pacing"), "stable between visits"


def test_wrapped_facts_take_only_the_lines_they_need(qtbot: QtBot, bundled_pack: Pack) -> None:
    panel = FactsPanel(bundled_pack)
    qtbot.add_widget(panel)
    panel.resize(300, 800)
    panel.show()
    ketamine = bundled_pack.article("medicines/ketamine-infusion")
    assert ketamine is not None
    assert len(ketamine.facts) >= 3
    panel.show_article(ketamine)
    labels = [label for label in panel.findChildren(QLabel)
              if label.text().startswith("\u2022")]
    assert len(labels) == len(ketamine.facts)
    qtbot.wait_until(lambda: all(label.isVisible() for label in labels))
    # once laid out, every fact has exactly the height of its wrapped lines
    qtbot.wait_until(lambda: all(label.height() == label.heightForWidth(label.width())
                                 for label in labels))


def test_a_new_article_shows_its_facts_from_the_top(qtbot: QtBot, bundled_pack: Pack) -> None:
    # the audit: "At a glance" for the new article was left scrolled out of sight
    panel = FactsPanel(bundled_pack)
    qtbot.add_widget(panel)
    panel.resize(300, 250)
    panel.show()
    panel.show_article(bundled_pack.article("medicines/ketamine-infusion"))
    bar = panel.verticalScrollBar()
    qtbot.wait_until(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    panel.show_article(bundled_pack.article("medicines/tramadol"))
    assert bar.value() == 0
