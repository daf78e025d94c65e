"""The core stays free of Qt: everything outside guide/ui/ imports without PySide6."""

from __future__ import annotations

import ast
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
