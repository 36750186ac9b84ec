"""The house rules of the code: apps import only downward, and files stay small.

docs/architecture.md explains the order; these tests keep the code to it.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
# Bottom to top. Apps on one floor may not import each other at all.
FLOORS = [
    ("publishing", "media"),
    ("partners",),
    ("projects",),
    ("events",),
    ("news",),
    ("documents",),
    ("knowledge",),
    ("search",),
    ("api",),
    ("smolyan_portal",),
]
FLOOR_OF = {app: level for level, apps in enumerate(FLOORS) for app in apps}
CONTENT_APPS = ["partners", "projects", "events", "news", "documents", "knowledge"]
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


# Underscore names that Django and Python document as public API, the only such names our
# code may use without defining them itself:
# - Model._meta is the Options API ("Model _meta API");
# - Model._base_manager and Model._default_manager are described under "Managers";
# - Model._state (.adding, .db) is described in the model instance reference;
# - a named tuple's _replace() has its underscore only to keep clear of the field names.
DOCUMENTED_UNDERSCORE_NAMES = {"_meta", "_base_manager", "_default_manager", "_state", "_replace"}
OWN_CODE = [*FLOOR_OF, "tests", "bench"]
ATTRIBUTE_FUNCTIONS = {"getattr", "setattr", "hasattr", "delattr"}


def is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def own_modules():
    for folder in OWN_CODE:
        yield from code_files(folder)


def defined_underscore_names(tree):
    """The underscore names a module defines: functions, classes, and their attributes."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.name
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in {"self", "cls"}
        ):
            yield node.attr


def reached_underscore_names(tree):
    """Each underscore name a module uses on something else, with its line."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            yield node.attr, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                for part in alias.name.split("."):
                    yield part, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] not in OWN_CODE:
                for part in node.module.split("."):
                    yield part, node.lineno
                for alias in node.names:
                    yield alias.name, node.lineno
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ATTRIBUTE_FUNCTIONS
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            yield node.args[1].value, node.lineno


def test_no_code_of_ours_uses_a_librarys_underscore_names():
    """A library's underscore names can change in any release without a word of warning.

    A name counts as ours when some module of ours defines it; one that only a library
    defines is flagged wherever we reach it, be it on a library's object or on self in a
    subclass of a library's class.
    """
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in own_modules()}
    ours = {name for tree in trees.values() for name in defined_underscore_names(tree)}
    allowed = ours | DOCUMENTED_UNDERSCORE_NAMES
    found = [
        f"{path.relative_to(ROOT)}:{line} uses {name}"
        for path, tree in trees.items()
        for name, line in reached_underscore_names(tree)
        if is_private(name) and name not in allowed
    ]
    assert found == []


def test_the_architecture_notes_walk_our_middleware_in_the_order_of_the_settings():
    ours = [
        path.rpartition(".")[2] for path in settings.MIDDLEWARE if path.split(".")[0] in OWN_CODE
    ]
    notes = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    request_path = notes[notes.index("## The request path") :]
    assert [name for name in ours if f"`{name}`" not in request_path] == []
    assert sorted(ours, key=lambda name: request_path.index(f"`{name}`")) == ours
