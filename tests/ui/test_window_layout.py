"""The saved window layout: restored when good, skipped when damaged, never a crash."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from guide.model import Pack
from guide.ui.main_window import MainWindow


@pytest.mark.parametrize("value", ["café", "not base64 at all!", "AAA", "\u0000", "QUJD"])
def test_damaged_layout_values_are_skipped(launch: Callable[..., MainWindow], tiny_pack: Pack,
                                           tmp_path: Path, value: str) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({
        "accepted_disclaimer": "3", "window_geometry": value, "window_state": value,
        "splitter_state": value}), encoding="utf-8")
    window = launch(tiny_pack, tmp_path)  # used to raise UnicodeEncodeError on "café"
    assert window.isVisible()
    assert window.current_location() == "welcome"


def test_a_good_layout_comes_back(launch: Callable[..., MainWindow], tiny_pack: Pack,
                                  tmp_path: Path) -> None:
    window = launch(tiny_pack, tmp_path)
    window.resize(780, 560)
    QApplication.processEvents()  # the panes fit the new width
    left, middle, right = window.splitter.sizes()  # as fitted for a readable article
    window.splitter.setSizes([left - 10, middle + 10, right])
    sizes = window.splitter.sizes()
    window.close()
    again = launch(tiny_pack, tmp_path)
    assert (again.width(), again.height()) == (780, 560)
    assert again.splitter.sizes() == sizes
