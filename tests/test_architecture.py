"""The core stays free of Qt: everything outside guide/ui/ imports without PySide6."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parent.parent / "guide"
CORE_MODULES = sorted(
    "guide." + p.relative_to(GUIDE).with_suffix("").as_posix().replace("/", ".")
    for p in GUIDE.rglob("*.py")
    if "ui" not in p.relative_to(GUIDE).parts and p.name not in {"__init__.py", "__main__.py"}
)


def test_core_modules_exist() -> None:
    assert {"guide.content", "guide.render", "guide.app", "guide.profile"} <= set(CORE_MODULES)


def test_core_source_has_no_qt_imports() -> None:
    for module in CORE_MODULES:
        path = GUIDE / (module.removeprefix("guide.").replace(".", "/") + ".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.startswith(("PySide6", "shiboken6")) for n in names), module


def test_importing_the_core_loads_no_qt() -> None:
    code = (f"import sys; import {', '.join(CORE_MODULES)}; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=GUIDE.parent)
    assert result.stdout.strip() == "[]"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """import-linter run over ``project`` with the contracts of its pyproject.toml."""
    command = ("import sys; from importlinter.cli import lint_imports_command; "
               "sys.exit(lint_imports_command())")
    return subprocess.run([sys.executable, "-c", command, "--no-cache"], capture_output=True,
                          text=True, check=False, cwd=project, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(project)})


def test_the_import_contracts_hold() -> None:
    """pyproject.toml's contracts: no cycles in guide/, no Qt or UI imported by the core."""
    result = lint_imports(GUIDE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_the_import_contracts_catch_a_cycle_and_a_ui_import(tmp_path: Path) -> None:
    shutil.copytree(GUIDE, tmp_path / "guide", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(GUIDE.parent / "pyproject.toml", tmp_path)
    with (tmp_path / "guide" / "outline.py").open("a", encoding="utf-8") as outline:
        outline.write("\nfrom guide.model import Article  # noqa: E402\n")
    with (tmp_path / "guide" / "pack_layout.py").open("a", encoding="utf-8") as layout:
        layout.write("\n\ndef _menus() -> None:\n    import guide.ui.menus  # noqa: F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "No import cycles in guide/: neither between modules nor between packages BROKEN" in (
        result.stdout)
    assert "The core never imports the UI (guide.app, the entry point, starts it) BROKEN" in (
        result.stdout)
    assert "guide.pack_layout -> guide.ui.menus" in result.stdout
