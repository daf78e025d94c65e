"""``health-guide --self-test`` from a checkout: one line, exit code 0 or 1, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide.app import main
from tests.conftest import article


@pytest.fixture(autouse=True)
def _qt(qtbot: QtBot) -> None:
    """The self-test uses the QApplication pytest-qt made."""


def test_a_good_pack_passes_in_one_line(make_pack: Callable[..., Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert main(["--self-test", "--content", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1
    assert out.startswith("self-test passed: Health Guide (org.example.test-guide), ")
    assert "4 articles and 2 other pages shown" in out
    assert "search found 'Welcome'" in out
    assert "disclaimer version 3" in out
    assert err == ""
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_a_picture_that_cannot_be_shown_fails_it(make_pack: Callable[..., Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack({
        "articles/living/pacing.md": article("Pacing", "![A chart](chart.png)"),
        "articles/living/chart.png": b"not a picture",
    })
    assert main(["--self-test", "--content", str(root)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("self-test failed: 1 problem: picture articles/living/chart.png")
    assert "cannot be shown" in err


def test_a_pack_with_errors_fails_it(make_pack: Callable[..., Path],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack({"articles/welcome.md": article("Welcome", "[gone](nowhere.md)")})
    assert main(["--self-test", "--content", str(root)]) == 1
    assert "the pack has 1 errors" in capsys.readouterr().out
