"""``health-guide build`` without PyInstaller: what it refuses, what it stages, the spec."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guide.build import run_build, stage
from guide.bundle_contents import EXCLUDED_MODULES
from guide.bundle_spec import BundleSpec
from guide.cache import SHIPPED_STAMP
from guide.locations import SHIPPED_CACHE
from tests.conftest import MANIFEST


@pytest.fixture
def with_pyinstaller(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend PyInstaller is installed (the refusals come before it is used)."""
    monkeypatch.setattr("guide.build.pyinstaller_available", lambda: True)


def test_build_without_pyinstaller_says_how_to_get_it(
        make_pack: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("guide.build.pyinstaller_available", lambda: False)
    assert run_build(["--content", str(make_pack())]) == 2
    assert 'pip install -e ".[build]"' in capsys.readouterr().err


@pytest.mark.usefixtures("with_pyinstaller")
@pytest.mark.parametrize(("changes", "message"), [
    ({"articles/welcome.md": None}, "error"),
    ({"guide.yml": MANIFEST.replace("id: org.example.test-guide\n", "")}, "has no id"),
    ({"guide.yml": MANIFEST}, "has no version"),
])
def test_build_refuses_a_pack_not_ready_to_hand_out(
        make_pack: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        changes: dict[str, str | None], message: str) -> None:
    assert run_build(["--content", str(make_pack(changes)),
                      "--output", str(tmp_path / "dist")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_staging_copies_the_pack_and_prebuilds_its_cache(
        make_pack: Callable[..., Path], tmp_path: Path) -> None:
    root = make_pack({"guide.yml": MANIFEST + 'version: "1.0"\n', ".git/HEAD": "ref",
                      "articles/.notes.md~": "x", "dist/old-build/program": "x"})
    pack = stage(root, tmp_path / "stage", leave_out=root / "dist")
    assert not (pack.root / "dist").exists()  # building inside the pack folder
    assert pack.root == tmp_path / "stage" / "content"
    assert (pack.root / "articles" / "welcome.md").is_file()
    assert not (pack.root / ".git").exists()
    assert not list(pack.root.rglob(".*"))
    assert (tmp_path / "stage" / SHIPPED_CACHE / SHIPPED_STAMP).is_file()
    assert list((tmp_path / "stage" / SHIPPED_CACHE).rglob("search.sqlite"))
    assert list((tmp_path / "stage" / "resources" / "icons").glob("*.svg"))
    assert (tmp_path / "stage" / "resources" / "new-pack" / "guide.yml").is_file()


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_spec_is_valid_python_for_each_platform(tmp_path: Path, platform: str) -> None:
    spec = BundleSpec(name="lupus-guide", app_name="Lupus Guide", bundle_id="org.example.lupus",
                      version="1.2", entry=tmp_path / "launch.py", source_root=tmp_path,
                      datas=((tmp_path / "content", "content"),), platform=platform)
    text = spec.text()
    compile(text, "lupus-guide.spec", "exec")
    assert "excludes=list(EXCLUDED_MODULES)" in text
    assert f"if {platform == 'darwin'}:\n    app = BUNDLE(" in text  # a .app on macOS only
    assert ("strip=True" in text) == (platform == "linux")


def test_the_bundle_leaves_out_qt_modules_and_the_network() -> None:
    for module in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
                   "PySide6.QtNetwork", "ssl", "ftplib"):
        assert module in EXCLUDED_MODULES
