"""HTML for every location the viewer can show, rendered on demand and cached."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from guide.cache import PackCache
from guide.links import ARTICLE_SCHEME, CONTACT_PAGE, GENERATED_PAGES
from guide.model import Pack

if TYPE_CHECKING:
    from guide.render import Renderer

DISCLAIMER_KEY = "guide:disclaimer"


class PageSource:
    """Pages by location (article id, ``guide:facts``), from memory, disk cache or renderer.

    The Markdown renderer is imported and built only when a page is not cached, so a warm
    start never loads it.
    """

    def __init__(self, pack: Pack, cache: PackCache | None = None) -> None:
        self.pack = pack
        self._cache = cache
        self._pages: dict[str, str] = {}
        self._renderer: Renderer | None = None

    @property
    def renderer(self) -> Renderer:
        """The Markdown renderer, created on first use."""
        if self._renderer is None:
            from guide.render import Renderer  # noqa: PLC0415 - deferred: costly import

            self._renderer = Renderer(self.pack)
        return self._renderer

    def html(self, location: str) -> str:
        """The page for ``location``; unknown locations get a "not found" page."""
        if location in self._pages:
            return self._pages[location]
        if location not in GENERATED_PAGES and location not in self.pack.articles:
            return self._not_found(location)
        html = self._cache.page(location) if self._cache else None
        if html is None:
            article = self.pack.articles.get(location)
            if article is not None:
                html = self.renderer.article_html(article)
            elif location == CONTACT_PAGE:
                html = self.renderer.contact_html()
            else:
                html = self.renderer.facts_html()
            if self._cache:
                self._cache.store_page(location, html)
        self._pages[location] = html
        return html

    def disclaimer_html(self) -> str:
        """The pack's disclaimer as HTML."""
        html = self._cache.page(DISCLAIMER_KEY) if self._cache else None
        if html is None:
            html = self.renderer.disclaimer_html()
            if self._cache:
                self._cache.store_page(DISCLAIMER_KEY, html)
        return html

    def search_index_file(self) -> Path | None:
        """Where the search index is cached (``None`` when caching is off)."""
        return self._cache.search_index_file() if self._cache else None

    def _not_found(self, location: str) -> str:
        return (f"<h1>Page not found</h1><p>This guide has no article called "
                f"<code>{escape(location)}</code>.</p>"
                f'<p><a href="{ARTICLE_SCHEME}:{escape(self.pack.home)}">Go to the home '
                "page</a></p>")
