"""Generate a synthetic content pack of N articles for benchmarks.

Usage: python benchmarks/synthetic_pack.py N OUT_DIR [--seed S]

Articles get realistic sizes (600-1,500 words), front matter, headings, lists, call-outs,
links to other articles and a vocabulary drawn from the default guide, spread over sections of
about 500 articles. The default pack's disclaimer, facts, glossary and synonyms are copied over.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SECTION_SIZE = 500
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?")


def vocabulary() -> list[str]:
    """Words from the default guide's articles, with their real frequencies."""
    words: list[str] = []
    for path in sorted((CONTENT / "articles").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        words += _WORD.findall(body)
    return words


def sentence(rng: random.Random, words: list[str]) -> str:
    """One plain sentence of 6-18 words."""
    picked = [rng.choice(words) for _ in range(rng.randint(6, 18))]
    return " ".join(picked).capitalize() + "."


def article(rng: random.Random, words: list[str], number: int, ids: list[str],
            section: str) -> str:
    """Markdown source of one synthetic article, with front matter."""
    title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 5))).capitalize()
    target = rng.randint(600, 1500)
    parts: list[str] = []
    count = 0
    heading = 0
    while count < target:
        heading += 1
        parts.append(f"## {' '.join(rng.choice(words) for _ in range(3)).capitalize()} {heading}")
        paragraph = " ".join(sentence(rng, words) for _ in range(rng.randint(3, 6)))
        if rng.random() < 0.3:
            other = rng.choice(ids)
            paragraph += f" See [{rng.choice(words)}](../{other}.md)."
        parts.append(paragraph)
        if rng.random() < 0.3:
            parts.append("\n".join(f"- {sentence(rng, words)}" for _ in range(rng.randint(3, 6))))
        if rng.random() < 0.1:
            parts.append(f'!!! warning "Important"\n    {sentence(rng, words)}')
        count = sum(len(p.split()) for p in parts)
    related = ", ".join(rng.sample(ids, 2))
    return (
        "---\n"
        f"title: {title} {number}\n"
        f"summary: {sentence(rng, words)}\n"
        f"order: {number}\n"
        "last_reviewed: 2026-11-27\nnext_review: 2099-01-01\nreviewed_by: \"\"\nstatus: draft\n"
        "sources:\n  - title: Synthetic source one\n    publisher: Benchmarks\n"
        "  - title: Synthetic source two\n    publisher: Benchmarks\n"
        f"related: [{related}]\n"
        f"also_called: [\"{rng.choice(words)}\"]\n"  # quoted: a bare "No" would be false
        "---\n\n" + "\n\n".join(parts) + "\n"
    ).replace("../" + section + "/", "")


def generate(count: int, out: Path, seed: int = 1) -> Path:
    """Write a pack of ``count`` articles to ``out`` (replacing it) and return ``out``."""
    rng = random.Random(seed)
    words = vocabulary()
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    for name in ("disclaimer.md", "facts.yml", "glossary.yml", "synonyms.yml"):
        if (CONTENT / name).exists():
            shutil.copy(CONTENT / name, out / name)
    (out / "guide.yml").write_text(
        "title: Synthetic guide\npublisher: Benchmarks\nhome: s000/a00000\n"
        "disclaimer:\n  file: disclaimer.md\n  version: \"1\"\n", encoding="utf-8")
    ids = [f"s{n // SECTION_SIZE:03d}/a{n:05d}" for n in range(count)]
    for number, article_id in enumerate(ids):
        section = article_id.split("/")[0]
        path = out / "articles" / f"{article_id}.md"
        if not path.parent.exists():
            path.parent.mkdir()
            (path.parent / "_section.yml").write_text(
                f"title: Section {section[1:]}\norder: {number}\n", encoding="utf-8")
        path.write_text(article(rng, words, number, ids, section), encoding="utf-8")
    # facts.yml may name articles of the default pack; a synthetic pack has none of them
    facts = out / "facts.yml"
    if facts.exists():
        facts.write_text(re.sub(r"\n\s+articles: \[[^\]]*\]", "", facts.read_text()),
                         encoding="utf-8")
    return out


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)
    print(f"wrote {args.count} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
