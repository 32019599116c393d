"""The house's shape, checked: the layer contracts hold, no app hides an import of ours inside
a function, and no module outgrows 400 lines (docs/architecture.md)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
APPS = [
    "hartvoordejeugd",
    "api",
    "demo",
    "follows",
    "home",
    "search",
    "adoptions",
    "ambassadors",
    "dialogues",
    "sharing",
    "webinars",
    "stories",
    "mediafiles",
    "accounts",
    "core",
]
LONGEST_MODULE = 400


def modules():
    for app in APPS:
        for path in sorted((BASE / app).rglob("*.py")):
            parts = path.relative_to(BASE).parts
            if "migrations" not in parts and "settings" not in parts:
                yield path


def test_every_app_is_checked():
    packages = {path.parent.name for path in BASE.glob("*/apps.py")}
    assert packages <= set(APPS)


def test_the_layer_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed: make install")
    result = subprocess.run(  # noqa: S603 (our own tool, our own configuration)
        [lint_imports, "--no-cache"],
        cwd=BASE,
        env={"PYTHONPATH": str(BASE), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def imports_inside_functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if path.name == "apps.py" and function.name == "ready":
            continue  # Django: models can be imported only once the registry is ready
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                yield node.lineno, "." * node.level + (node.module or "")
            elif isinstance(node, ast.ImportFrom) and node.module.partition(".")[0] in APPS:
                yield node.lineno, node.module
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.partition(".")[0] in APPS:
                        yield node.lineno, alias.name


def test_no_app_imports_ours_inside_a_function():
    hidden = [
        f"{path.relative_to(BASE)}:{line} imports {module}"
        for path in modules()
        for line, module in imports_inside_functions(path)
    ]

    assert hidden == []


def test_no_module_is_over_400_lines():
    long_modules = [
        f"{path.relative_to(BASE)}: {count} lines"
        for path in modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    ]

    assert long_modules == []
