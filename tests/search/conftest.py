import html
import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from search import tracking

RESULT_TITLE = re.compile(r'<h2 class="search-result__title"><a href="([^"]*)">([^<]*)</a>')


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for a module's tests and rolled back after them."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
            tracking.flush()  # indexed in the module's transaction, kept for its tests
            yield
            transaction.set_rollback(True)


def search_page(client, language, **params):
    path = "/bg/tarsene/" if language == "bg" else "/en/search/"
    return client.get(path, params)


def result_titles(response):
    """The titles of the results on a search page, in order."""
    return [html.unescape(title) for _url, title in RESULT_TITLE.findall(response.content.decode())]


def result_urls(response):
    return [html.unescape(url) for url, _title in RESULT_TITLE.findall(response.content.decode())]
