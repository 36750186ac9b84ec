"""The apps import each other one way: each only from the apps below it."""

import ast
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

# Bottom to top; the two apps of the ground floor share a level and import neither each
# other nor anything above.
LEVELS = {
    "publishing": 0,
    "media": 0,
    "partners": 1,
    "projects": 2,
    "events": 3,
    "news": 4,
    "documents": 5,
    "smolyan_portal": 6,
}
CONTENT_APPS = ["partners", "projects", "events", "news", "documents"]
# What an app would use to reach a model it may not import.
REFLECTION = re.compile(r"\.related_model\b|\.model\.objects\b|\bapps\.get_model\(")


def code_files(app):
    for path in sorted((BASE_DIR / app).rglob("*.py")):
        if "migrations" not in path.relative_to(BASE_DIR).parts:
            yield path


def imported_apps(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LEVELS:
                yield top


@pytest.mark.parametrize("app", LEVELS)
def test_an_app_imports_only_from_the_apps_below_it(app):
    upward = [
        f"{path.relative_to(BASE_DIR)} imports {other}"
        for path in code_files(app)
        for other in imported_apps(path)
        if other != app and LEVELS[other] >= LEVELS[app]
    ]
    assert upward == []


@pytest.mark.parametrize("app", CONTENT_APPS)
def test_no_app_reaches_a_model_by_reflection(app):
    found = [
        f"{path.relative_to(BASE_DIR)}:{number}: {line.strip()}"
        for path in code_files(app)
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if REFLECTION.search(line)
    ]
    assert found == []
