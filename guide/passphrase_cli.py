"""``health-guide kiosk-passphrase``: ask for the operator's passphrase, print its hash line."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from guide.passphrase import hash_passphrase

MIN_LENGTH = 8


def run_passphrase(argv: list[str], ask: Callable[[str], str] = getpass.getpass) -> int:
    """Ask twice without echo; print the ``operator_passphrase:`` line. Returns the exit code."""
    argparse.ArgumentParser(
        prog="health-guide kiosk-passphrase",
        description="Ask for the kiosk operator's passphrase (twice, not shown) and print the "
                    "line to paste into the kiosk section of guide.yml. Only a salted scrypt "
                    "hash is printed, never the passphrase.",
    ).parse_args(argv)
    first = ask("Operator passphrase: ")
    if len(first) < MIN_LENGTH:
        print(f"health-guide: error: use at least {MIN_LENGTH} characters", file=sys.stderr)
        return 1
    if ask("Type it again: ") != first:
        print("health-guide: error: the two passphrases differ; nothing was made",
              file=sys.stderr)
        return 1
    print("Paste this line into the 'kiosk:' section of guide.yml:", file=sys.stderr)
    print(f'  operator_passphrase: "{hash_passphrase(first)}"')
    return 0
