import datetime
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from news.models import Article, ArticleImage
from partners.models import Partner
from projects.models import Participation, Project
from search.extraction import extract_text
from smolyan_portal.demo import loader

pytestmark = pytest.mark.django_db

JUNE_6, JUNE_7 = datetime.date(2023, 6, 6), datetime.date(2023, 6, 7)
CONTENT_MODELS = [
    Partner,
    Project,
    Participation,
    Meeting,
    Session,
    SiteVisit,
    Article,
    ArticleImage,
    Document,
]


def load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def content_rows():
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in CONTENT_MODELS
    }


def test_a_second_run_changes_nothing(settings):
    first = load_demo()
    counts, rows, files = row_counts(), content_rows(), media_files(settings)

    second = load_demo()

    assert row_counts() == counts
    assert content_rows() == rows
    assert media_files(settings) == files
    assert "Partners: 16 created" in first
    assert "Sessions: 6 created" in first
    assert "Partners: 16 already present" in second
    assert "Documents: 3 already present" in second
    assert "created" not in second
    # Six images and three documents, nothing else beside the images' renditions.
    assert len([name for name in files if not name.startswith("cache/")]) == 6 + 3


def test_superuser_only_with_debug_on(settings):
    User = get_user_model()
    settings.DEBUG = False
    output = load_demo()
    assert not User.objects.exists()
    assert "admin" not in output
    assert "password" not in output.lower()
    assert "superuser" not in output.lower()

    settings.DEBUG = True
    output = load_demo()
    password = re.search(r"password: (\S+)", output).group(1)
    user = User.objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    assert user.check_password(password)

    again = load_demo()
    assert "already exists" in again
    assert "password:" not in again
    user.refresh_from_db()
    assert user.check_password(password)

    reset = load_demo(reset_password=True)
    new_password = re.search(r"password: (\S+)", reset).group(1)
    assert new_password != password
    user.refresh_from_db()
    assert user.check_password(new_password)
    assert User.objects.count() == 1


def test_reset_password_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        load_demo(reset_password=True)
    assert not Partner.objects.exists()


def test_a_failure_leaves_no_rows_and_no_files(settings, monkeypatch):
    visit = {**loader.SITE_VISITS[0], "date": datetime.date(2023, 6, 9)}
    monkeypatch.setattr(loader, "SITE_VISITS", [visit])

    with pytest.raises(CommandError, match="Loading the demo content failed: .* date: "):
        load_demo()

    assert not Partner.objects.exists()
    assert not Meeting.objects.exists()
    # The meeting's cover had been written before the visit failed; it is removed again.
    assert media_files(settings) == []


@pytest.mark.slow
def test_load_demo_bulk_runs_once_with_documents_search_can_read(tmp_path, caplog):
    # Its speed (10,000 articles in under two minutes) is measured by bench/run.
    call_command("load_demo", "--bulk", "1000", stdout=(tmp_path / "first.txt").open("w"))
    call_command("load_demo", "--bulk", "1000", stdout=(tmp_path / "second.txt").open("w"))
    assert "Generated articles: 1000 created" in (tmp_path / "first.txt").read_text()
    assert "was already there" in (tmp_path / "second.txt").read_text()
    assert Article.objects.count() == 1000
    document = Document.objects.filter(title_en__startswith="Generated document").first()
    assert "A report of the meeting." in extract_text(document.file)
    assert "Could not read" not in caplog.text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plans")
def test_after_a_bulk_load_an_article_is_found_by_its_slug_index(tmp_path):
    call_command("load_demo", "--bulk", "200", stdout=(tmp_path / "out.txt").open("w"))
    slug = Article.objects.order_by("pk").values_list("slug_en", flat=True)[0]

    plan = Article.objects.published().filter(slug_en=slug)[:1].explain()

    # Not the search through every published article that the order by date would invite.
    assert "slug_en" in plan
    assert "_pub" not in plan
