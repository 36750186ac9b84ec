"""The deployment files do what docs/deploy.md says: they name only settings the portal
reads and commands it has, and keep logs as long as the privacy notice says."""

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

BASE_DIR = Path(__file__).resolve().parent.parent
DEPLOY = BASE_DIR / "deploy"
FILES = sorted(path for path in DEPLOY.rglob("*") if path.is_file())
DOCUMENTS = [
    *FILES,
    BASE_DIR / "docs" / "deploy.md",
    BASE_DIR / "README.md",
    BASE_DIR / ".env.example",
]
# The modules whose environment variables are the settings (settings.py and what it calls).
SETTINGS_MODULES = [
    "smolyan_portal/settings.py",
    "smolyan_portal/logs.py",
    "smolyan_portal/routers.py",
    "smolyan_portal/caching.py",
    "api/conf.py",
]
VARIABLE = re.compile(r"\b(DJANGO_[A-Z0-9_]+|DATABASE_[A-Z_]*URL|REDIS_URL)\b")
COMMAND = re.compile(r"manage\.py\s+([a-z_]+)")
# Read elsewhere: by manage.py and wsgi.py, and by dj_database_url.config().
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}


def variables_the_settings_read():
    names = set(READ_ELSEWHERE)
    for module in SETTINGS_MODULES:
        tree = ast.parse((BASE_DIR / module).read_text(encoding="utf-8"))
        names |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and VARIABLE.fullmatch(node.value)
        }
    return names


def test_there_are_deployment_files():
    names = {path.relative_to(DEPLOY).as_posix() for path in FILES}
    assert {
        "smolyan-portal.env",
        "systemd/smolyan-portal.service",
        "systemd/smolyan-portal-backup.timer",
        "systemd/smolyan-portal-purge-feedback.timer",
        "nginx/smolyan-portal.conf",
        "caddy/Caddyfile",
        "restore-drill.sh",
    } <= names


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.relative_to(BASE_DIR).as_posix())
def test_only_variables_that_the_settings_read_are_named(path):
    known = variables_the_settings_read()
    assert "DJANGO_SERVER_LOG_DAYS" in known and "DATABASE_REPLICA_URL" in known
    named = set(VARIABLE.findall(path.read_text(encoding="utf-8")))
    # "DJANGO_S3_*" stands for a group of variables.
    unknown = {
        name
        for name in named - known
        if not (name.endswith("_") and any(other.startswith(name) for other in known))
    }
    assert unknown == set()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.relative_to(BASE_DIR).as_posix())
def test_only_commands_that_exist_are_run(path):
    named = set(COMMAND.findall(path.read_text(encoding="utf-8")))
    assert named - set(get_commands()) == set()


def test_the_guide_names_deployment_files_that_exist():
    guide = (BASE_DIR / "docs" / "deploy.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(deploy/[\w./-]+?)`", guide))
    assert "deploy/systemd/smolyan-portal.service" in named
    missing = {
        name
        for name in named
        if not (BASE_DIR / name).exists() and not (BASE_DIR / (name + ".service")).exists()
    }
    assert missing == set()


def test_every_timer_starts_a_service_that_exists():
    timers = list(DEPLOY.glob("systemd/*.timer"))
    assert timers
    for timer in timers:
        assert timer.with_suffix(".service").exists()
        assert "Persistent=true" in timer.read_text()


def test_the_services_run_the_code_and_read_the_environment_file():
    for unit in DEPLOY.glob("systemd/*.service"):
        text = unit.read_text()
        assert "EnvironmentFile=/etc/smolyan-portal/env" in text
        assert "WorkingDirectory=/srv/smolyan/app" in text
    gunicorn = (DEPLOY / "systemd" / "smolyan-portal.service").read_text()
    (module,) = re.findall(r"/bin/gunicorn (\S+)", gunicorn)
    assert importlib.util.find_spec(module) is not None


def test_logs_are_kept_as_long_as_the_privacy_notice_says():
    days = settings.PORTAL_SERVER_LOG_DAYS
    env = (DEPLOY / "smolyan-portal.env").read_text()
    assert f"DJANGO_SERVER_LOG_DAYS={days}\n" in env
    assert f"MaxRetentionSec={days}day" in (DEPLOY / "journald" / "smolyan-portal.conf").read_text()
    logrotate = (DEPLOY / "logrotate" / "smolyan-portal").read_text()
    assert f"rotate {days}\n" in logrotate and f"maxage {days}\n" in logrotate
    assert f"roll_keep_for {days * 24}h" in (DEPLOY / "caddy" / "Caddyfile").read_text()


def test_redis_evicts_the_least_recently_used_keys_within_a_memory_limit():
    redis = (DEPLOY / "redis" / "smolyan-portal.conf").read_text()
    assert re.search(r"^maxmemory \d+mb$", redis, re.MULTILINE)
    assert "maxmemory-policy allkeys-lru" in redis


def test_the_proxies_hand_on_a_request_id_and_overwrite_the_forwarded_address():
    nginx = (DEPLOY / "nginx" / "smolyan-portal.conf").read_text()
    assert "proxy_set_header X-Request-ID $request_id;" in nginx
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "header_up X-Request-ID" in (DEPLOY / "caddy" / "Caddyfile").read_text()
    assert "DJANGO_PROXY_HOPS=1" in (DEPLOY / "smolyan-portal.env").read_text()
