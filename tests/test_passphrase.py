"""The kiosk operator's passphrase: hashed with scrypt, checked in constant time, locked out."""

from __future__ import annotations

import pytest

from guide import passphrase
from guide.passphrase import PassphraseGate, hash_passphrase, parse, verify
from guide.passphrase_cli import run_passphrase


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_passphrase("open sesame please")


def test_the_stored_line_holds_the_parameters_and_never_the_passphrase(stored: str) -> None:
    assert stored.startswith("scrypt$n=16384,r=8,p=1$")
    assert "sesame" not in stored
    parts = parse(stored)
    assert parts is not None
    assert (parts.n, parts.r, parts.p) == (passphrase.N, passphrase.R, passphrase.P)
    assert len(parts.salt) == passphrase.SALT_BYTES
    # a new salt every time: the same passphrase never gives the same line
    assert hash_passphrase("open sesame please") != stored


def test_verify_accepts_only_the_right_passphrase(stored: str) -> None:
    assert verify("open sesame please", stored)
    assert not verify("open sesame pleas", stored)
    assert not verify("", stored)


@pytest.mark.parametrize("line", [
    "", "open sesame please", "scrypt$n=16384,r=8,p=1$not base64!$AAAA",
    "bcrypt$n=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "scrypt$n=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",  # n not a power of 2
    "scrypt$n=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",  # too costly
    "scrypt$r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==",
])
def test_anything_else_is_not_a_stored_passphrase(line: str) -> None:
    assert parse(line) is None
    assert not verify("anything", line)


def test_five_wrong_tries_lock_the_gate_for_five_minutes(stored: str) -> None:
    now = [0.0]
    gate = PassphraseGate(stored, clock=lambda: now[0])
    for _ in range(passphrase.MAX_TRIES - 1):
        assert not gate.try_passphrase("wrong")
    assert gate.seconds_locked() == 0
    assert gate.try_passphrase("open sesame please")  # the right one resets the count
    for _ in range(passphrase.MAX_TRIES):
        assert not gate.try_passphrase("wrong")
    assert gate.seconds_locked() == passphrase.LOCK_SECONDS
    assert not gate.try_passphrase("open sesame please")
    now[0] += passphrase.LOCK_SECONDS - 1
    assert gate.seconds_locked() == 1
    now[0] += 1
    assert gate.try_passphrase("open sesame please")


def test_a_gate_without_a_valid_hash_never_opens() -> None:
    gate = PassphraseGate("")
    assert not gate.enabled
    assert not gate.try_passphrase("")


def test_command_asks_twice_and_prints_a_line_to_paste(
        capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["a good passphrase", "a good passphrase"])
    assert run_passphrase([], ask=lambda _prompt: next(answers)) == 0
    out, err = capsys.readouterr()
    line = out.strip()
    assert line.startswith('operator_passphrase: "scrypt$')
    assert verify("a good passphrase", line.split('"')[1])
    assert "a good passphrase" not in out + err
    assert "guide.yml" in err


@pytest.mark.parametrize(("answers", "message"), [
    (["short", "short"], "at least 8 characters"),
    (["a good passphrase", "a good passphrasf"], "differ"),
])
def test_command_refuses_short_or_mismatched_passphrases(
        capsys: pytest.CaptureFixture[str], answers: list[str], message: str) -> None:
    given = iter(answers)
    assert run_passphrase([], ask=lambda _prompt: next(given)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err
