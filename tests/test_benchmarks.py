"""The benchmark tools keep working: synthetic packs load cleanly and can be searched."""

from __future__ import annotations

import sys
from pathlib import Path

from guide.cache import PackCache
from guide.search import SearchIndex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from synthetic_pack import generate


def test_synthetic_pack_is_a_valid_pack(tmp_path: Path) -> None:
    root = generate(30, tmp_path / "pack", seed=3)
    pack = PackCache(root, tmp_path / "cache").load()
    errors = [str(p) for p in pack.problems if p.severity == "error"]
    assert errors == []
    assert pack.outline.article_count() == 31  # 30 articles and the glossary page
    words = [len(a.body.split()) for a in pack.articles.values() if a.id != "glossary"]
    assert min(words) >= 600
    assert SearchIndex.build(pack).search("fibromyalgia")


def test_synthetic_pack_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    first = generate(5, tmp_path / "a", seed=7)
    second = generate(5, tmp_path / "b", seed=7)
    name = "articles/s000/a00003.md"
    assert (first / name).read_text() == (second / name).read_text()
