"""Load a content pack: every file read into the content model, then the whole pack checked.

:func:`load_pack` is the one way in. Each part of a pack is read by the module named after it
(:mod:`guide.manifest`, :mod:`guide.article_folders`, :mod:`guide.article_file`,
:mod:`guide.facts_file`, :mod:`guide.glossary_file`, :mod:`guide.disclaimer_file`,
:mod:`guide.synonyms_file`); :mod:`guide.validate` then checks what spans files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from guide.article_file import humanise
from guide.article_folders import load_articles, with_articles
from guide.disclaimer_file import load_disclaimer
from guide.facts_file import load_facts
from guide.fields import Collector, Fields
from guide.glossary import GLOSSARY_ID
from guide.glossary_file import glossary_article, load_glossary
from guide.manifest import accent, check_keys, kiosk_settings, read_edition, read_manifest
from guide.model import Article, Pack, PackError, Section, outline_of
from guide.pack_layout import ARTICLES_DIR, DEFAULT_FACTS_FILE, DEFAULT_GLOSSARY_FILE, MANIFEST
from guide.readability import reading_text
from guide.synonyms_file import load_synonyms
from guide.validate import check_pack


def load_pack(root: Path, today: dt.date | None = None) -> Pack:
    """Load and check the pack at ``root``. Raises :class:`PackError` only when unusable.

    ``today`` is the date review deadlines are checked against (default: today).
    """
    data, manifest_text = read_manifest(root)
    problems = Collector()
    manifest = Fields(data, MANIFEST, problems, manifest_text)
    try:
        tree, articles = load_articles(root, problems)
    except OSError as exc:
        raise PackError(f"cannot read articles in {root / ARTICLES_DIR}: "
                        f"{exc.strerror or exc}") from exc
    if not articles:
        raise PackError(f"{root} has no articles: add Markdown files under {ARTICLES_DIR}/")
    glossary, glossary_sources, glossary_reviewed = load_glossary(
        root, manifest.text("glossary") or DEFAULT_GLOSSARY_FILE, problems)
    if glossary.terms:
        for article_id, item in articles.items():  # which terms each article uses, once
            if not item.error:
                used = glossary.terms_in(reading_text(item.body))
                articles[article_id] = replace(item, glossary_terms=used)
        tree = with_articles(tree, articles)
        if GLOSSARY_ID in articles:
            problems.add(articles[GLOSSARY_ID].path, None, f"duplicate article id "
                         f"'{GLOSSARY_ID}': the glossary page has that id; this file is ignored")
            tree = Section(tree.id, tree.title, tree.order,
                           tuple(c for c in tree.children if c.id != GLOSSARY_ID))
        articles[GLOSSARY_ID] = glossary_article(glossary, glossary_sources, glossary_reviewed)
        tree = Section(tree.id, tree.title, tree.order,
                       (*tree.children, articles[GLOSSARY_ID]))
    home = manifest.text("home")
    if home not in articles:
        first = next(n for n in tree.walk() if isinstance(n, Article))
        manifest.add("home", f"home article '{home}' does not exist; using '{first.id}'")
        home = first.id
    check_keys(manifest)
    title = manifest.text("title") or humanise(root.name)
    pack = Pack(
        root=root,
        title=title,
        publisher=manifest.text("publisher"),
        language=manifest.text("language") or "en",
        home=home,
        edition=read_edition(manifest, root, title, articles),
        accent=accent(manifest),
        disclaimer=load_disclaimer(root, manifest, problems),
        outline=outline_of(tree),
        articles=MappingProxyType(articles),
        facts=load_facts(root, manifest.text("facts") or DEFAULT_FACTS_FILE, articles,
                         problems),
        glossary=glossary,
        synonyms=load_synonyms(root, manifest.text("language") or "en", articles, problems),
        kiosk=kiosk_settings(manifest),
    )
    check_pack(pack, problems, today or dt.date.today())
    return replace(pack, problems=tuple(problems.problems))
