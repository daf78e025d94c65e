"""Link resolution and the link policy."""

from __future__ import annotations

import pytest

from guide.links import (
    FACTS_PAGE,
    ExternalLinkPolicy,
    LinkAction,
    LinkDecision,
    LinkPolicy,
    article_link_target,
    describe_link,
    route_link,
)


@pytest.mark.parametrize(("source", "href", "expected"), [
    ("medicines/tramadol", "ketamine-infusion.md", ("medicines/ketamine-infusion", "")),
    ("medicines/tramadol", "../related-conditions/crps.md#symptoms",
     ("related-conditions/crps", "symptoms")),
    ("welcome", "medicines/tramadol.md", ("medicines/tramadol", "")),
    ("medicines/tramadol", "../welcome.md", ("welcome", "")),
    ("medicines/tramadol", "a%20b.md", ("medicines/a b", "")),
    ("medicines/tramadol", "../../outside.md", None),
    ("medicines/tramadol", "/etc/passwd.md", None),
    ("medicines/tramadol", "https://example.org/x.md", None),
    ("medicines/tramadol", "notes.txt", None),
])
def test_article_link_target(source: str, href: str,
                             expected: tuple[str, str] | None) -> None:
    assert article_link_target(source, href) == expected


@pytest.mark.parametrize(("href", "expected"), [
    ("#risks", LinkDecision(LinkAction.SCROLL_TO_ANCHOR, fragment="risks")),
    ("article:medicines/tramadol#risks",
     LinkDecision(LinkAction.OPEN_LOCATION, "medicines/tramadol", "risks")),
    (FACTS_PAGE, LinkDecision(LinkAction.OPEN_LOCATION, FACTS_PAGE)),
    ("https://example.org", LinkDecision(LinkAction.OPEN_EXTERNAL, "https://example.org")),
    ("mailto:a@b.org", LinkDecision(LinkAction.OPEN_EXTERNAL, "mailto:a@b.org")),
    ("file:///etc/passwd", LinkDecision(LinkAction.IGNORE, "file:///etc/passwd")),
    ("javascript:alert(1)", LinkDecision(LinkAction.IGNORE, "javascript:alert(1)")),
])
def test_route_link_on_desktop(href: str, expected: LinkDecision) -> None:
    assert route_link(href, LinkPolicy()) == expected


def test_blocking_policy_never_opens_the_web() -> None:
    decision = route_link("https://example.org", LinkPolicy(ExternalLinkPolicy.BLOCK))
    assert decision.action is LinkAction.IGNORE


@pytest.mark.parametrize("href", ["https://example.org/x", "mailto:help@example.org"])
def test_show_address_policy_shows_web_links_instead_of_opening_them(href: str) -> None:
    decision = route_link(href, LinkPolicy(ExternalLinkPolicy.SHOW_ADDRESS))
    assert decision == LinkDecision(LinkAction.SHOW_ADDRESS, href)


def test_term_popups_apply_to_glossary_terms_only() -> None:
    popups = LinkPolicy(term_popups=True)
    assert route_link("article:glossary#off-label", popups) == LinkDecision(
        LinkAction.SHOW_TERM, "glossary", "off-label")
    # the glossary page itself, and other articles, still open
    assert route_link("article:glossary", popups).action is LinkAction.OPEN_LOCATION
    assert route_link("article:medicines/tramadol#risks", popups).action \
        is LinkAction.OPEN_LOCATION
    assert route_link("article:glossary#off-label", LinkPolicy()).action \
        is LinkAction.OPEN_LOCATION


@pytest.mark.parametrize(("href", "policy", "said"), [
    ("article:medicines/tramadol", LinkPolicy(), "Link: Tramadol"),
    ("#risks", LinkPolicy(), "Link to a heading on this page: Tramadol"),
    ("https://example.org", LinkPolicy(), "Web link, opens your browser: Tramadol"),
    ("mailto:a@b.org", LinkPolicy(), "E-mail link, opens your browser: Tramadol"),
    ("https://example.org", LinkPolicy(ExternalLinkPolicy.SHOW_ADDRESS),
     "Web link, shows its address to scan with your phone: Tramadol"),
    ("article:glossary#opioid", LinkPolicy(),
     "Glossary word: Tramadol. Press Enter to read what it means"),
    ("article:glossary#opioid", LinkPolicy(term_popups=True),
     "Glossary word: Tramadol. Press Enter to read what it means"),
    ("javascript:x", LinkPolicy(), "Link that does nothing here: Tramadol"),
])
def test_links_are_described_by_what_enter_will_do(href: str, policy: LinkPolicy,
                                                   said: str) -> None:
    assert describe_link(href, "Tramadol\u00a0\u2197", policy) == said
