"""The mode policy: everything kiosk mode changes, in one object."""

from __future__ import annotations

from guide.links import ExternalLinkPolicy
from guide.modes import TOUCH_TARGET_PX, KioskSettings, ModePolicy


def test_laptop_policy_locks_nothing_and_remembers_the_reader() -> None:
    policy = ModePolicy.laptop()
    assert policy.can_quit
    assert policy.menu_bar
    assert policy.context_menus
    assert policy.remembers_reader
    assert policy.writes_caches
    assert policy.links.external is ExternalLinkPolicy.OPEN_IN_BROWSER
    assert not policy.links.term_popups
    assert not policy.starts_over
    assert policy.text_scale is None  # the reader's own saved size
    assert policy.touch_target == 0
    assert policy.decline_label == "Quit"


def test_kiosk_policy_takes_the_clinics_settings() -> None:
    settings = KioskSettings(idle_seconds=45, warning_seconds=10, text_scale=150,
                             take_home_url="https://example.org/g/{id}", print=True,
                             operator_passphrase="scrypt$...")  # noqa: S106
    policy = ModePolicy.kiosk(settings)
    assert policy.full_screen
    assert not policy.menu_bar
    assert not policy.can_quit
    assert not policy.context_menus
    assert not policy.remembers_reader
    assert not policy.writes_caches
    assert not policy.can_show_files
    assert policy.links.external is ExternalLinkPolicy.SHOW_ADDRESS
    assert policy.links.term_popups
    assert policy.starts_over
    assert (policy.idle_seconds, policy.warning_seconds, policy.text_scale) == (45, 10, 150)
    assert policy.can_print
    assert policy.touch_target == TOUCH_TARGET_PX == 48
    assert policy.kinetic_scrolling
    assert policy.on_screen_keypad
    assert policy.decline_label == "Not now"
    assert policy.operator_passphrase == "scrypt$..."  # noqa: S105
    assert policy.take_home_address("medicines/tramadol") == \
        "https://example.org/g/medicines/tramadol"


def test_kiosk_defaults_match_the_documented_ones() -> None:
    policy = ModePolicy.kiosk(KioskSettings())
    assert (policy.idle_seconds, policy.warning_seconds, policy.text_scale) == (90, 15, 125)
    assert not policy.can_print
    assert policy.take_home_address("welcome") == ""
