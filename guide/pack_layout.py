"""Where things lie in a content pack folder: the names the loader, checker and renderer share."""

from __future__ import annotations

MANIFEST = "guide.yml"
"""The pack's manifest: title, edition, disclaimer, kiosk settings."""
ARTICLES_DIR = "articles"
"""The folder of articles: each sub-folder a section, each ``.md`` file an article."""
SECTION_FILE = "_section.yml"
"""In a section's folder: its title and order."""
DEFAULT_FACTS_FILE = "facts.yml"
DEFAULT_GLOSSARY_FILE = "glossary.yml"
