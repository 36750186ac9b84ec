"""Two editors who save one item at the same moment: one save wins, the other is told."""

import threading

import pytest
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client

from news.models import Article
from tests.admin_support import admin_url, form_data, make_editor
from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason=(
            "SQLite has no row locks: its test database is shared in memory, where a second "
            "writer is refused at once rather than made to wait, so there is no race to order"
        ),
    ),
]

# Long enough for both requests to reach the save when nothing orders them; with the
# row locked, the first waits this long alone before it saves.
MEET_TIMEOUT = 3


@pytest.fixture
def both_reach_the_save():
    """Hold each save of an article until the other request's save arrives too.

    This opens the gap between the stale-save check and the write as wide as it can be;
    when the check locks the row, the second request never gets there, and the first
    goes on after MEET_TIMEOUT.
    """
    meeting = threading.Barrier(2, timeout=MEET_TIMEOUT)
    waited = threading.local()

    def hold(sender, instance, **kwargs):
        if getattr(waited, "done", False):
            return
        waited.done = True
        try:
            meeting.wait()
        except threading.BrokenBarrierError:
            pass

    pre_save.connect(hold, sender=Article, dispatch_uid="meet-before-save")
    yield
    pre_save.disconnect(sender=Article, dispatch_uid="meet-before-save")


def test_of_two_simultaneous_saves_one_is_refused_as_stale(both_reach_the_save):
    article = make_article(title_en="Original")
    url = admin_url(article, "change")
    posts = {}
    for name in ("first", "second"):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(make_editor(username=name))
        data = form_data(client.get(url)) | {"title_en": f"Changed by {name}"}
        posts[name] = (client, data)

    start = threading.Barrier(len(posts), timeout=10)
    responses = {}

    def post(name):
        client, data = posts[name]
        try:
            start.wait()
            responses[name] = client.post(url, data)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(name,)) for name in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    statuses = sorted(response.status_code for response in responses.values())
    assert statuses == [200, 302]
    (saved,) = [name for name, response in responses.items() if response.status_code == 302]
    (refused,) = [name for name, response in responses.items() if response.status_code == 200]
    errors = responses[refused].context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    assert "saved this item at" in errors[0]
    assert "Your changes have not been saved" in errors[0]
    article.refresh_from_db()
    assert article.title_en == f"Changed by {saved}"
