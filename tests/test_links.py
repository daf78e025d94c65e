"""Link resolution and the link policy."""

from __future__ import annotations

import pytest

from guide.links import (
    FACTS_PAGE,
    ExternalLinkPolicy,
    LinkAction,
    LinkDecision,
    article_link_target,
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
    assert route_link(href, ExternalLinkPolicy.OPEN_IN_BROWSER) == expected


def test_blocking_policy_never_opens_the_web() -> None:
    decision = route_link("https://example.org", ExternalLinkPolicy.BLOCK)
    assert decision.action is LinkAction.IGNORE
