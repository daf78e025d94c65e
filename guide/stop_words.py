"""Words a question can do without ("how", "can", "my"), for each language search knows."""

from __future__ import annotations

from collections.abc import Iterable

_ENGLISH = """
a about after again all also am an and any anyone anything are aren't as at be because been
before being but by can can't cannot could couldn't did didn't do does doesn't doing don't
even ever for from get gets getting got had hadn't has hasn't have haven't having he he's her
here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its
itself just let let's me might mine more most much must my myself no nor not of off on or other
our ours ourselves out over really she she's should shouldn't so some someone something such
than that that's the their theirs them themselves then there there's these they they're this
those through to too very was wasn't we we're were weren't what what's when where which while
who who's whom whose why will with won't would wouldn't you you're your yours yourself
"""

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(_ENGLISH.split()),
}
"""Built-in lists by language code; a pack adds its own words in its synonyms file."""


def normalise(word: str) -> str:
    """How words are compared: lower case, with a typographic apostrophe made straight."""
    return word.replace("\u2019", "'").casefold()


def stop_words_for(language: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The built-in list for ``language`` ("en", "en-GB"...) with ``extra`` words added."""
    base = language.replace("_", "-").split("-")[0].casefold()
    return STOP_WORDS.get(base, frozenset()) | {normalise(word) for word in extra}
