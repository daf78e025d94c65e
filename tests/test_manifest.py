"""guide.yml: the edition's identity and branding, and keys the app does not know."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content import load_pack
from guide.edition import DEFAULT_APP_NAME, Contact, Edition
from tests.conftest import MANIFEST

BRANDED = MANIFEST.replace("contact: help@example.org\n", "") + """\
version: "2.1"
app_name: Lupus Guide
icon: brand/icon.svg
logo: brand/logo.png
help_now: living/pacing
about: |
  The **Lupus Group** is a charity.
contact:
  email: help@lupus.example.org
  phone: "+44 20 7946 0000"
  web: https://lupus.example.org
  hours: Monday to Friday, 9am to 5pm
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'


def _messages(root: Path) -> list[str]:
    return [str(p) for p in load_pack(root).problems if p.path == "guide.yml"]


def test_the_edition_comes_from_the_manifest(make_pack: Callable[..., Path]) -> None:
    root = make_pack({"guide.yml": BRANDED, "brand/icon.svg": SVG, "brand/logo.png": b"png"})
    pack = load_pack(root)
    assert _messages(root) == []
    assert pack.edition == Edition(
        id="org.example.test-guide", version="2.1", app_name="Lupus Guide",
        icon="brand/icon.svg", logo="brand/logo.png",
        about="The **Lupus Group** is a charity.", help_now="living/pacing",
        contact=Contact(email="help@lupus.example.org", phone="+44 20 7946 0000",
                        web="https://lupus.example.org", hours="Monday to Friday, 9am to 5pm"))
    assert pack.edition.slug == "lupus-guide"
    assert pack.edition.name_and_version() == "Lupus Guide 2.1"
    assert pack.edition.contact.links() == [
        ("Email", "mailto:help@lupus.example.org", "help@lupus.example.org"),
        ("Phone", "tel:+442079460000", "+44 20 7946 0000"),
        ("Web", "https://lupus.example.org", "lupus.example.org"),
    ]


def test_a_pack_without_an_id_gets_one_from_its_title_with_a_warning(
        make_pack: Callable[..., Path]) -> None:
    root = make_pack({"guide.yml": MANIFEST.replace("id: org.example.test-guide\n", "")})
    pack = load_pack(root)
    assert pack.edition.id == "test-guide"
    assert pack.edition.app_name == DEFAULT_APP_NAME
    assert any("warning: no 'id': using 'test-guide'" in m for m in _messages(root))


@pytest.mark.parametrize(("lines", "message"), [
    ("acent: '#aa0000'\n", "warning: unknown key 'acent' is ignored; did you mean 'accent'?"),
    ("app-name: Lupus\n", "warning: unknown key 'app-name' is ignored; did you mean 'app_name'?"),
    ("colour_scheme: dark\n", "warning: unknown key 'colour_scheme' is ignored (known:"),
    ("icon: ../outside.svg\n", "error: icon '../outside.svg' is outside the pack"),
    ("icon: brand/icon.gif\n", "error: icon 'brand/icon.gif' should be a SVG or PNG file"),
    ("logo: brand/missing.png\n", "error: logo file 'brand/missing.png' does not exist"),
    ("help_now: nowhere\n", "error: help_now article 'nowhere' does not exist"),
    ("contact:\n  email: not-an-address\n", "error: contact email 'not-an-address' is not"),
    ("contact:\n  web: example.org\n", "error: contact web 'example.org' should start with"),
    ("contact:\n  emial: a@b.org\n",
     "warning: contact: unknown key 'emial' is ignored; did you mean 'email'?"),
])
def test_mistakes_in_the_manifest_are_named(make_pack: Callable[..., Path], lines: str,
                                            message: str) -> None:
    manifest = MANIFEST.replace("contact: help@example.org\n", "") + lines
    root = make_pack({"guide.yml": manifest})
    assert any(message in m for m in _messages(root)), _messages(root)


def test_a_bad_id_is_an_error_and_a_usable_one_is_derived(
        make_pack: Callable[..., Path]) -> None:
    root = make_pack({"guide.yml": MANIFEST.replace("org.example.test-guide", "My Guide!")})
    assert load_pack(root).edition.id == "my-guide"
    assert any("error: id 'My Guide!' should be lower-case" in m for m in _messages(root))
