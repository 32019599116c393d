"""`stories` is the base the other apps build on, so it imports none of them (DESIGN.md)."""

import ast
from pathlib import Path

import stories

FORBIDDEN = {"home", "dialogues", "search", "sharing", "webinars", "tests"}
STORIES_DIR = Path(stories.__file__).parent


def imported_top_level_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0], node.lineno


def test_stories_imports_none_of_home_dialogues_search_or_tests():
    sources = sorted(STORIES_DIR.rglob("*.py"))
    offending = [
        f"{path.relative_to(STORIES_DIR.parent)}:{line} imports {package}"
        for path in sources
        for package, line in imported_top_level_packages(path)
        if package in FORBIDDEN
    ]

    assert len(sources) > 10
    assert offending == []


def test_the_import_scan_notices_a_forbidden_import(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("from home.models import HomePage\nimport search.views\n", encoding="utf-8")

    assert list(imported_top_level_packages(module)) == [("home", 1), ("search", 2)]
