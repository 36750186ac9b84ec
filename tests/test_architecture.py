"""The house rules of the code: apps import only downward, and files stay small.

docs/architecture.md explains the order; these tests keep the code to it.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Bottom to top. Apps on one floor may not import each other at all.
FLOORS = [
    ("publishing", "media"),
    ("partners",),
    ("projects",),
    ("events",),
    ("news",),
    ("documents",),
    ("api",),
    ("smolyan_portal",),
]
FLOOR_OF = {app: level for level, apps in enumerate(FLOORS) for app in apps}
CONTENT_APPS = ["partners", "projects", "events", "news", "documents"]
# What an app would use to reach a model it may not import.
REFLECTION = re.compile(r"\.related_model\b|\.model\.objects\b|\bapps\.get_model\(")
MAX_LINES = 400


def code_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def imported_apps(path):
    """The first-party apps a module imports, with the line of each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in FLOOR_OF:
                yield top, node.lineno


def test_every_app_is_on_a_floor():
    apps_on_disk = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps_on_disk == set(FLOOR_OF)


@pytest.mark.parametrize("app", FLOOR_OF)
def test_an_app_imports_only_from_the_floors_below(app):
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {other}"
        for path in code_files(app)
        for other, line in imported_apps(path)
        if other != app and FLOOR_OF[other] >= FLOOR_OF[app]
    ]
    assert upward == []


@pytest.mark.parametrize("app", CONTENT_APPS)
def test_no_app_reaches_a_model_by_reflection(app):
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in code_files(app)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if REFLECTION.search(line)
    ]
    assert found == []


def test_no_file_of_application_code_is_over_the_limit():
    long_files = [
        f"{path.relative_to(ROOT)} has {count} lines"
        for app in FLOOR_OF
        for path in code_files(app)
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long_files == []
