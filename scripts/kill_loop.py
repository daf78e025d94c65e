"""Kill the app with SIGKILL while it writes the reader's settings, again and again.

Usage: python scripts/kill_loop.py [--rounds 200]

Each round starts a process that saves settings as fast as it can (what the app does when a
reader changes the text size or opens articles), kills it with SIGKILL after a random
moment, and checks that settings.json is still one whole, valid version: the old one or a
new one, never a mix or an empty file. Prints the count of each outcome; exit code 1 if any
file was damaged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from guide.profile import JsonFileBackend, Profile
profile = Profile(JsonFileBackend(Path({folder!r})))
print("ready", flush=True)
scale = 100
while True:
    scale = 250 if scale >= 250 else scale + 1
    profile.set_text_scale(scale)
    profile.set_last_article(f"article-{{scale}}")
"""


def main() -> int:
    """Run the rounds and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)  # noqa: S311 - repeatable timings, not a secret
    outcomes = {"old": 0, "new": 0, "damaged": 0}
    with tempfile.TemporaryDirectory() as folder:
        settings = Path(folder) / "settings.json"
        settings.write_text(json.dumps({"text_scale": 100, "accepted_disclaimer": "1"}))
        previous = settings.read_bytes()
        for _ in range(args.rounds):
            script = WRITER.format(root=str(ROOT), folder=folder)
            child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
            assert child.stdout is not None
            child.stdout.readline()  # "ready": it is writing from now on
            time.sleep(rng.uniform(0.001, 0.05))
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            child.stdout.close()
            data = settings.read_bytes()
            try:
                values = json.loads(data)
                whole = isinstance(values, dict) and values.get("accepted_disclaimer") == "1"
            except ValueError:
                whole = False
            if not whole:
                outcomes["damaged"] += 1
            else:
                outcomes["old" if data == previous else "new"] += 1
            previous = data
        leftovers = [p.name for p in Path(folder).iterdir() if p.name != "settings.json"]
    print(f"{args.rounds} kills while writing: {outcomes['new']} left a new version, "
          f"{outcomes['old']} the previous one, {outcomes['damaged']} a damaged file; "
          f"temporary files left behind: {len(leftovers)}")
    return 1 if outcomes["damaged"] else 0


if __name__ == "__main__":
    sys.exit(main())
