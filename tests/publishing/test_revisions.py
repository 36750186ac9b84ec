"""Saved versions follow renamed fields, so reverting an old one keeps its values."""

import datetime
import json

import pytest
import reversion
from django.apps import apps
from reversion.models import Version

from publishing.revisions import rename_in_versions
from tests.factories import make_article, make_session

pytestmark = pytest.mark.django_db


def saved_version(obj):
    with reversion.create_revision():
        obj.save()
    return Version.objects.get_for_object(obj).get()


def fields_of(version):
    version.refresh_from_db()
    return json.loads(version.serialized_data)[0]["fields"]


def test_a_version_saved_before_a_rename_reverts_with_its_value():
    session = make_session(date=datetime.date(2023, 6, 7))
    version = saved_version(session)
    operation = rename_in_versions("events", "session", {"day": "date"})
    # The version as it was stored before the field was renamed.
    operation.reverse_code(apps, None)
    assert fields_of(version)["day"] == "2023-06-07"
    assert "date" not in fields_of(version)

    operation.code(apps, None)
    assert fields_of(version)["date"] == "2023-06-07"
    session.date = datetime.date(2023, 6, 6)
    session.save()
    Version.objects.get(pk=version.pk).revert()
    session.refresh_from_db()
    assert session.date == datetime.date(2023, 6, 7)


def test_every_language_column_and_the_other_models_are_left_as_they_are():
    article = make_article(cover_image_alt_bg="Площад", cover_image_alt_en="Square")
    version = saved_version(article)
    renames = {"cover_image_alt_bg": "cover_alt_bg", "cover_image_alt_en": "cover_alt_en"}
    rename_in_versions("news", "article", renames).code(apps, None)
    fields = fields_of(version)
    assert (fields["cover_alt_bg"], fields["cover_alt_en"]) == ("Площад", "Square")
    assert fields["title_bg"] == article.title_bg
    # A model with no saved version, or unknown to this database, is no error.
    rename_in_versions("events", "session", {"day": "date"}).code(apps, None)
    rename_in_versions("events", "nothing", {"day": "date"}).code(apps, None)
