"""The navigation tree model over the pack's sections and articles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from guide.model import Pack
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
