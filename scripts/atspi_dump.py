"""Dump what a screen reader sees of Health Guide, over AT-SPI (Linux), to repeat the audit.

Starts the app on a private virtual screen (Xvfb) with its own D-Bus session and AT-SPI bus,
optionally presses keys with xdotool (real key events), then lists every accessible object of
the app: role, name, description, states, level, text, actions, child count. Orca reads the
same objects, so this is what a blind reader can reach.

    python scripts/atspi_dump.py --open medicines/tramadol --keys F6 Tab --out /tmp/tree.txt
    python scripts/atspi_dump.py --keys ctrl+k --type "brain fog" --then Down

With ``--orca`` it runs the Orca screen reader instead and prints what Orca says, one
utterance a line, from Orca's debug log (its speech goes to a silent stand-in for
speech-dispatcher, which has no sound card to talk to here):

    python scripts/atspi_dump.py --orca --open medicines/tramadol --keys F6 Tab

Needs Debian's xvfb, xdotool, at-spi2-core and python3-pyatspi (and orca for ``--orca``; the
dump and Orca run in the system Python, which has pyatspi; the app runs in this Python).
Writes nothing outside a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", dest="article", default="", help="article to open")
    parser.add_argument("--disclaimer", action="store_true",
                        help="start as a first-time reader: dump the disclaimer dialog")
    parser.add_argument("--keys", nargs="*", default=[],
                        help="xdotool key names to press first, e.g. Tab F6 ctrl+k")
    parser.add_argument("--type", dest="typed", default="", help="text to type after the keys")
    parser.add_argument("--then", nargs="*", default=[], help="keys to press after typing")
    parser.add_argument("--text", action="store_true", help="print each object's whole text")
    parser.add_argument("--orca", action="store_true",
                        help="run Orca and print what it says instead of the object tree")
    parser.add_argument("--out", type=Path, default=None, help="write the dump here")
    parser.add_argument("--dump-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--app-name", default="", help=argparse.SUPPRESS)
    return parser


# -- the dump (runs in the system Python, which has pyatspi) ---------------------------------

def _describe(node: Any, depth: int, whole_text: bool) -> list[str]:
    import pyatspi  # type: ignore[import-not-found]  # noqa: PLC0415 - system Python only

    states = sorted(pyatspi.stateToString(s) for s in node.getState().getStates())
    attributes = dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
    line = f"{'  ' * depth}[{node.getRoleName()}] {node.name!r}"
    if node.description:
        line += f" desc={node.description!r}"
    if "level" in attributes:
        line += f" level={attributes['level']}"
    line += f" states={','.join(s for s in states if s in _STATES)}"
    lines = [line]
    try:
        text = node.queryText()
        content = text.getText(0, -1)
        shown = content if whole_text else content[:160].replace("\n", " / ")
        lines.append(f"{'  ' * depth}  text({text.characterCount}): {shown!r}")
    except NotImplementedError:
        pass
    try:
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if names:
            lines.append(f"{'  ' * depth}  actions: {', '.join(names)}")
    except NotImplementedError:
        pass
    for child in node:
        if child is not None:
            lines.extend(_describe(child, depth + 1, whole_text))
    return lines


_STATES = {"focused", "focusable", "selected", "expanded", "expandable", "collapsed",
           "checked", "editable", "showing", "visible", "sensitive", "modal", "active",
           "default", "read only", "multi line"}


def dump(app_name: str, whole_text: bool) -> str:
    """Wait for the app on the AT-SPI bus, then describe it with the focused object."""
    import pyatspi  # noqa: PLC0415 - system Python only

    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(200):
        apps = [app for app in desktop if app is not None and app.name == app_name]
        if apps and apps[0].childCount:
            break
        time.sleep(0.1)
    else:
        return f"{app_name!r} never appeared on the AT-SPI bus"
    app = apps[0]
    lines = _describe(app, 0, whole_text)
    focused = [line.strip() for line in lines
               if "focused" in line.split("states=")[-1].split(",")
               and not line.strip().startswith("[filler]")]
    return "\n".join([*(f"focused: {line}" for line in focused or ["nothing"]), "", *lines])


# -- Orca (runs in the system Python) ------------------------------------------------------------

ORCA = "/usr/bin/orca"
SILENT_SPEECHD = '''"""A silent speech-dispatcher for Orca: nothing blocks, nothing sounds."""
class _Names:
    def __getattr__(self, name):
        return name
PunctuationMode = CallbackType = Priority = DataMode = _Names()
class SSIPCommunicationError(Exception):
    pass
class SSIPCommandError(Exception):
    pass
class SSIPClient:
    def __init__(self, *args, **kwargs):
        pass
    def list_output_modules(self):
        return ["dummy"]
    def list_synthesis_voices(self, *args, **kwargs):
        return []
    def __getattr__(self, name):
        return lambda *args, **kwargs: None
'''
_SPOKEN = re.compile(r" - SPEECH OUTPUT: '(?P<said>.*?)'\s*\{'established'", re.DOTALL)


def _start_orca(folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], Path]:
    """Orca with its speech going nowhere, logging everything; returns it and its log."""
    if not Path(ORCA).exists():
        sys.exit("orca is missing: apt-get install orca")
    stub = folder / "silent" / "speechd"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(SILENT_SPEECHD, encoding="utf-8")
    log = folder / "orca.log"
    orca = subprocess.Popen(
        [SYSTEM_PYTHON, ORCA, "--replace", "--disable=braille", "--disable=braille-monitor",
         f"--debug-file={log}"], env={**env, "PYTHONPATH": str(stub.parent)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(5)  # Orca's log is written out when it stops, so there is nothing to watch
    return orca, log


def heard(orca: subprocess.Popen[bytes], log: Path) -> str:
    """Stop Orca (its log is complete then) and say what it said, after "Screen reader on"."""
    orca.terminate()
    try:
        orca.wait(10)
    except subprocess.TimeoutExpired:
        orca.kill()
    said = [" ".join(match["said"].split()) if "\n" not in match["said"] else
            "\n      ".join(line.strip() for line in match["said"].splitlines())
            for match in _SPOKEN.finditer(log.read_text(encoding="utf-8", errors="replace"))]
    said = said[1:]  # [0] is "Screen reader on."
    if said and said[-1] == "Screen reader off.":  # we stopped it
        said.pop()
    return "\n".join(f"Orca: {line}" for line in said)


# -- the launcher (runs in the app's Python) ---------------------------------------------------

def _wait_for_socket(display: str) -> None:
    path = Path("/tmp/.X11-unix") / f"X{display.lstrip(':')}"  # noqa: S108 - X11's own path
    for _ in range(100):
        if path.exists():
            return
        time.sleep(0.05)


def _profile(folder: Path, *, accept: bool) -> Path:
    sys.path.insert(0, str(ROOT))
    from guide.content import load_pack  # noqa: PLC0415
    from guide.locations import bundled_dir  # noqa: PLC0415
    from guide.profile import JsonFileBackend, Profile  # noqa: PLC0415

    profile_dir = folder / "profile"
    profile = Profile(JsonFileBackend(profile_dir))
    if accept:
        profile.set_accepted_disclaimer(load_pack(bundled_dir("content")).disclaimer.version)
    return profile_dir


def run(args: argparse.Namespace) -> str:
    """Start everything, press the keys, dump, and stop everything again."""
    for tool in ("Xvfb", "xdotool", "dbus-launch"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install xvfb xdotool dbus-x11 at-spi2-core "
                     "python3-pyatspi")
    started: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, HOME=folder, XDG_RUNTIME_DIR=folder, QT_QPA_PLATFORM="xcb",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                   HEALTH_GUIDE_DATA_DIR=str(Path(folder) / "data"))
        display = ":97"
        started.append(subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24",
                                         "-nolisten", "tcp"], stderr=subprocess.DEVNULL))
        env["DISPLAY"] = display
        _wait_for_socket(display)
        bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True,
                             text=True, check=True).stdout
        for part in bus.split(";"):
            name, _, value = part.strip().partition("=")
            if name in {"DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"}:
                env[name] = value.strip("'")
        started.append(subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env,
                                        stderr=subprocess.DEVNULL))
        command = [sys.executable, str(ROOT / "main.py"), "--profile",
                   str(_profile(Path(folder), accept=not args.disclaimer))]
        if args.article:
            command += ["--open", args.article]
        try:
            orca, log = _start_orca(Path(folder), env) if args.orca else (None, None)
            if orca is not None:
                started.append(orca)
            app = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
            started.append(app)
            name = "Health Guide"
            _settle(env, app.pid)
            _press(args, env, pause=0.5 if log else 0.0)  # Orca speaks after each key
            time.sleep(1.5 if log else 0.8)  # let the app react to the last key
            if orca is not None and log is not None:
                return heard(orca, log)
            return subprocess.run(
                [SYSTEM_PYTHON, __file__, "--dump-only", "--app-name", name,
                 *(["--text"] if args.text else [])],
                env=env, capture_output=True, text=True, check=True, timeout=120).stdout
        finally:
            for process in reversed(started):
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
            if "DBUS_SESSION_BUS_PID" in env:
                os.kill(int(env["DBUS_SESSION_BUS_PID"]), signal.SIGTERM)


def _press(args: argparse.Namespace, env: dict[str, str], pause: float) -> None:
    """The keys, the text to type, then the keys after it, as real key events."""
    for key in args.keys:
        subprocess.run(["xdotool", "key", "--delay", "120", key], env=env, check=True)
        time.sleep(pause)
    if args.typed:
        subprocess.run(["xdotool", "type", "--delay", "60", args.typed], env=env, check=True)
        time.sleep(0.6)  # the search's pause before it counts every article
    for key in args.then:
        subprocess.run(["xdotool", "key", "--delay", "120", key], env=env, check=True)
        time.sleep(pause)


def _settle(env: dict[str, str], pid: int) -> None:
    """Wait for the app's window and give it the keyboard (there is no window manager)."""
    for _ in range(150):
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                               env=env, capture_output=True, text=True, check=False)
        if found.stdout.strip():
            window = found.stdout.split()[-1]
            subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=False)
            time.sleep(1.0)  # the first paint and the accessibility bridge
            return
        time.sleep(0.1)
    sys.exit("the app's window never appeared")


def main() -> int:
    args = build_parser().parse_args()
    if args.dump_only:
        print(dump(args.app_name, args.text))
        return 0
    report = run(args)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
