"""An installed wheel finds its bundled pack and resources from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("health_guide-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_pack_resources_and_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert "guide/_bundled/content/guide.yml" in names
    assert "guide/_bundled/content/articles/medicines/ketamine-infusion.md" in names
    assert "guide/_bundled/resources/icons/health-guide.svg" in names
    assert "guide/_bundled/packaging/linux/install.sh" in names  # for health-guide build
    assert "health-guide = guide.app:main" in scripts
    assert not any(n.startswith(("tests/", "content/")) for n in names)


@pytest.mark.slow
def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    code = (
        "from guide.locations import bundled_dir; from guide.content import load_pack; "
        "p = load_pack(bundled_dir('content')); "
        "print(bundled_dir('content')); print(bundled_dir('resources')); "
        "print(len(p.articles), len([x for x in p.problems if x.severity == 'error']))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                            capture_output=True, text=True, check=True, timeout=60)
    content, resources, counts = result.stdout.strip().splitlines()
    assert Path(content).is_relative_to(target)
    assert Path(resources).is_relative_to(target)
    assert int(counts.split()[0]) >= 5
    assert counts.split()[1] == "0"
    version = subprocess.run([sys.executable, "-m", "guide", "--version"], cwd=elsewhere,
                             env=env, capture_output=True, text=True, timeout=60, check=True)
    assert version.stdout.startswith("health-guide ")
