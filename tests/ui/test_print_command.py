"""health-guide print: PDF handouts from the command line, for leaflets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.app import main
from guide.model import Pack

pytestmark = pytest.mark.usefixtures("qapp")


def text_of(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_an_article_is_written_as_a_pdf(tiny_pack: Pack, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "alpha.pdf"
    assert main(["print", "treatments/alpha", "-o", str(out), "--content",
                 str(tiny_pack.root)]) == 0
    assert re.fullmatch(rf"wrote {re.escape(str(out))}: 1 page in \d+\.\d s\n",
                        capsys.readouterr().out)
    pages = text_of(out)
    assert pages[0].startswith("Health Guide Test Guide")
    assert "Alpha treatment" in pages[0]
    assert "Page 1 of 1" in pages[0]


def test_large_print_takes_more_room(tiny_pack: Pack, tmp_path: Path) -> None:
    normal, large = tmp_path / "normal.pdf", tmp_path / "large.pdf"
    root = str(tiny_pack.root)
    assert main(["print", "--all", "-o", str(normal), "--content", root]) == 0
    assert main(["print", "--all", "--large", "-o", str(large), "--content", root]) == 0
    assert len(text_of(large)) >= len(text_of(normal)) >= 5  # contents, then 4 articles
    assert "Contents" in text_of(normal)[0]


def test_mistakes_are_explained(tiny_pack: Pack, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    root = str(tiny_pack.root)
    assert main(["print", "treatments/alpah", "-o", str(tmp_path / "x.pdf"),
                 "--content", root]) == 2
    assert "did you mean treatments/alpha" in capsys.readouterr().err
    assert main(["print", "welcome", "-o", str(tmp_path / "no" / "x.pdf"),
                 "--content", root]) == 1
    assert "there is no folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["print", "welcome", "--all", "-o", str(tmp_path / "x.pdf")])
    assert exited.value.code == 2
    assert not list(tmp_path.glob("*.pdf"))
