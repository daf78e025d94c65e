"""The navigation tree model over the pack's sections and articles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from guide.model import Pack
from guide.outline import Outline, Row
from guide.ui.nav_model import ARTICLE_ID_ROLE, NavModel


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, tiny_pack: Pack,
                                      bundled_pack: Pack) -> None:
    qtmodeltester.check(NavModel(tiny_pack.outline))  # type: ignore[no-untyped-call]
    qtmodeltester.check(NavModel(bundled_pack.outline))  # type: ignore[no-untyped-call]


def test_rows_follow_pack_order_with_titles_and_ids(tiny_pack: Pack) -> None:
    model = NavModel(tiny_pack.outline)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top == ["Welcome", "Treatments", "Living well"]
    treatments = model.index(1, 0)
    assert model.rowCount(treatments) == 2
    beta = model.index(1, 0, treatments)
    assert beta.data() == "Beta treatment"
    assert beta.data(ARTICLE_ID_ROLE) == "treatments/beta"
    assert treatments.data(ARTICLE_ID_ROLE) == ""
    assert beta.data(Qt.ItemDataRole.ToolTipRole) == "About beta treatment."
    assert model.parent(beta) == treatments
    assert model.parent(treatments) == QModelIndex()


def test_index_of_article(tiny_pack: Pack) -> None:
    model = NavModel(tiny_pack.outline)
    index = model.index_of_article("living/pacing")
    assert index.data() == "Pacing"
    assert not model.index_of_article("nope").isValid()


def _nested_outline() -> Outline:
    """A section inside a section: "Care" > "At home" > "Rest"."""
    rows = {"": (Row(is_section=True, id="care", title="Care", tooltip="Section: Care"),),
            "care": (Row(is_section=True, id="care/home", title="At home",
                         tooltip="Section: At home"),),
            "care/home": (Row(is_section=False, id="care/home/rest", title="Rest",
                              tooltip="About rest."),
                          Row(is_section=False, id="care/home/heat", title="Heat",
                              tooltip="About heat."))}
    titles = {"": ("", 0), "care": ("Care", 0), "care/home": ("At home", 0)}
    locations = {"care/home/rest": ("care/home", 0), "care/home/heat": ("care/home", 1)}
    return Outline(rows, titles, locations)


def test_items_describe_their_kind_level_and_place(qtmodeltester: ModelTester) -> None:
    model = NavModel(_nested_outline())
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    care = model.index(0, 0)
    home = model.index(0, 0, care)
    heat = model.index_of_article("care/home/heat")
    description = Qt.ItemDataRole.AccessibleDescriptionRole
    assert care.data(description) == "Section, level 1, 1 of 1"
    assert home.data(description) == "Section, level 2, 1 of 1"
    assert heat.data(description) == "Article, level 3, 2 of 2"
    assert [model.level(i) for i in (care, home, heat)] == [1, 2, 3]
    assert heat.data(Qt.ItemDataRole.AccessibleTextRole) == "Heat"


def test_articles_say_they_never_have_children(tiny_pack: Pack) -> None:
    model = NavModel(tiny_pack.outline)
    never = Qt.ItemFlag.ItemNeverHasChildren
    assert model.flags(model.index_of_article("treatments/beta")) & never
    assert not model.flags(model.index(1, 0)) & never  # "Treatments", a section
