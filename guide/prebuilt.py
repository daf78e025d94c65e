"""The start-up cache a bundle ships: the pack read, every page rendered, the search index built.

Made once when an edition is built, so a member's first launch is as fast as any later one and
the installed app never needs to write a cache. The app reads it through
:func:`guide.cache.open_cache`.
"""

from __future__ import annotations

from pathlib import Path

from guide.cache import SHIPPED_STAMP, PackCache, cache_stamp
from guide.code_digest import DIGEST_FILE, code_digest
from guide.links import GENERATED_PAGES
from guide.model import Pack
from guide.pages import PageSource
from guide.search import SearchIndex


def prebuild_cache(content: Path, folder: Path) -> Pack:
    """Fill the new folder ``folder`` with the start-up cache of the pack in ``content``.

    Returns the pack. Raises :class:`OSError` if any part of the cache could not be written.
    """
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty")
    cache = PackCache(content, folder)
    pack = cache.load()
    if not cache.has_snapshot():
        raise OSError(f"could not write the start-up cache in {folder}")
    pages = PageSource(pack, cache)
    for location in [*pack.articles, *sorted(GENERATED_PAGES)]:
        pages.html(location)
    pages.disclaimer_html()
    index_file = cache.search_index_file()
    assert index_file is not None  # a writable cache with a snapshot names its index
    SearchIndex.build(pack, index_file).close()
    if not index_file.is_file():
        raise OSError(f"could not write the search index {index_file}")
    (folder / DIGEST_FILE).write_text(code_digest(), encoding="utf-8")  # the frozen app's own
    (folder / SHIPPED_STAMP).write_text(cache_stamp(), encoding="utf-8")
    return pack
