"""The W3C Nu HTML Checker (npm vnu-jar, run by Java) for the tests."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_vnu():
    """Java and the checker, or a skip locally; in CI a missing checker fails the test."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "Java is not installed (apt-get install default-jre-headless)"
    elif not VNU_JAR.exists():
        problem = f"{VNU_JAR} is missing (run `make dev`, which runs `npm ci`)"
    if problem:
        if in_ci():
            pytest.fail(problem, pytrace=False)
        pytest.skip(problem)
    return java


def html_errors(paths):
    """The checker's errors for each file, as readable strings; warnings are left out."""
    java = require_vnu()
    paths = [Path(path) for path in paths]
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout or "{}")
    errors = {path.name: [] for path in paths}
    for message in report.get("messages", []):
        if message.get("type") == "info":
            continue  # warnings and notes
        name = Path(message.get("url", "?").removeprefix("file:")).name
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(
            f"{where}: {message.get('message')} [{message.get('extract', '').strip()}]"
        )
    if result.returncode not in (0, 1) or (result.returncode == 1 and not report):
        raise RuntimeError(f"The Nu HTML Checker failed: {result.stderr.strip()}")
    return {name: found for name, found in errors.items() if found}
