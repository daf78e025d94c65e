"""The command line: options, exit codes and messages for unusable packs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from guide import __version__
from guide.app import EXIT_UNUSABLE_PACK, load_or_report, main
from guide.model import Pack
from guide.modes import ModePolicy

ROOT = Path(__file__).resolve().parent.parent


def run_main(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.slow
def test_version_and_help() -> None:
    version = run_main("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"health-guide {__version__}")
    usage = run_main("--help")
    assert usage.returncode == 0
    for option in ("--content DIR", "--profile DIR", "--open ARTICLE_ID", "--version"):
        assert option in usage.stdout


@pytest.mark.slow
@pytest.mark.parametrize("setup", ["missing", "no-manifest", "file"])
def test_unusable_pack_exits_2_with_one_line(tmp_path: Path, setup: str) -> None:
    target = tmp_path / "pack"
    if setup == "no-manifest":
        target.mkdir()
    elif setup == "file":
        target.write_text("not a folder")
    result = run_main("--content", str(target), "--profile", str(tmp_path / "profile"))
    assert result.returncode == EXIT_UNUSABLE_PACK
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("health-guide: error: ")
    assert str(target) in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "profile").exists()


def test_main_returns_2_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(tmp_path / "nope")]) == EXIT_UNUSABLE_PACK
    assert "content pack folder not found" in capsys.readouterr().err


def test_pack_problems_are_listed_on_stderr(make_pack: Callable[..., Path],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pack({"articles/living/pacing.md": b"---\ntitle: x\n---\n[a](gone.md)\n\xff"})
    loaded = load_or_report(root)
    assert not isinstance(loaded, int)
    err = capsys.readouterr().err
    assert "articles/living/pacing.md:5: error: not valid UTF-8" in err


@pytest.mark.parametrize("cache", [False, True], ids=["no cache", "through the cache"])
def test_an_unreadable_folder_is_a_problem_line_at_start_up(
        make_pack: Callable[..., Path], unreadable: Callable[[Path], None],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        cache: bool) -> None:
    root = make_pack()
    monkeypatch.setenv("HEALTH_GUIDE_CACHE_DIR", str(root.parent / "cache") if cache else "")
    if os.name != "nt":
        (root / "articles" / "living" / "loop").symlink_to("loop")
    unreadable(root / "articles" / "treatments")
    loaded = load_or_report(root)
    assert not isinstance(loaded, int)
    pack, _cache = loaded
    assert sorted(pack.articles) == ["living/pacing", "welcome"]
    err = capsys.readouterr().err
    assert ("articles/treatments: error: cannot read this folder (Permission denied): the "
            "articles in it are left out") in err
    if os.name != "nt":
        assert "articles/living/loop: warning: a link that goes round in a loop; ignored" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--colour", "blue"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_message_box_only_when_someone_can_see_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from guide.app import display_available  # noqa: PLC0415

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not display_available()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not display_available()
    monkeypatch.setenv("DISPLAY", ":0")
    assert display_available()


def test_large_packs_are_recognised_without_reading_them(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from guide import app  # noqa: PLC0415

    monkeypatch.setattr(app, "LARGE_PACK", 3)
    (tmp_path / "articles" / "a").mkdir(parents=True)
    for number in range(3):
        (tmp_path / "articles" / "a" / f"{number}.md").write_text("x")
    assert not app._is_large(tmp_path)
    (tmp_path / "articles" / "a" / "3.md").write_text("x")
    assert app._is_large(tmp_path)


def test_idle_seconds_needs_kiosk(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--idle-seconds", "30"])
    assert exit_info.value.code == 2
    assert "--idle-seconds needs --kiosk" in capsys.readouterr().err


def test_the_command_line_overrides_the_packs_kiosk_settings(tiny_pack: Pack) -> None:
    from dataclasses import replace  # noqa: PLC0415

    from guide.app import choose_policy  # noqa: PLC0415
    from guide.modes import KioskSettings  # noqa: PLC0415

    pack = replace(tiny_pack, kiosk=KioskSettings(idle_seconds=120, warning_seconds=20))
    assert choose_policy(pack, kiosk=False).can_quit
    from_pack = choose_policy(pack, kiosk=True)
    assert (from_pack.idle_seconds, from_pack.warning_seconds) == (120, 20)
    overridden = choose_policy(pack, kiosk=True, idle_seconds=30)
    assert (overridden.idle_seconds, overridden.warning_seconds) == (30, 15)


def test_kiosk_without_a_passphrase_says_only_the_system_can_close_it(
        tiny_pack: Pack, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from guide import app  # noqa: PLC0415
    from guide.ui import application  # noqa: PLC0415

    runs: list[dict[str, object]] = []

    def run(*_args: object, **kwargs: object) -> int:
        runs.append(kwargs)
        return 0

    from guide.cache import PackCache  # noqa: PLC0415

    loaded = (tiny_pack, PackCache(tiny_pack.root, None))
    monkeypatch.setattr(app, "load_or_report", lambda *_a, **_k: loaded)
    monkeypatch.setattr(application, "run", run)
    assert main(["--kiosk", "--idle-seconds", "40"]) == 0
    err = capsys.readouterr().err
    assert "only the operating system can close the kiosk" in err
    policy = runs[0]["policy"]
    assert isinstance(policy, ModePolicy)
    assert policy.idle_seconds == 40
    assert runs[0]["cache"] is None  # a kiosk writes no cache
