"""The optional read replica: public reads go to it; the admin, writes and the reads right
after a write stay on the primary.

The replica is a test mirror of the primary (settings.DATABASES["replica"]["TEST"]): the
same test database through a connection of its own, so each test sees which connection
every query went through. These tests commit (transaction=True): a mirror's connection
cannot see into another connection's open transaction.
"""

import pytest
from django.conf import settings
from django.db import connections, router
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from news.models import Article
from projects.models import Project
from smolyan_portal.models import Feedback
from smolyan_portal.routers import PIN_KEY, ReplicaMiddleware
from tests.factories import make_article, make_project, make_user

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


class Queries:
    """The SQL each connection ran within the block."""

    def __enter__(self):
        self.contexts = {
            alias: CaptureQueriesContext(connections[alias]) for alias in ("default", "replica")
        }
        for context in self.contexts.values():
            context.__enter__()
        return self

    def __exit__(self, *exc):
        for context in self.contexts.values():
            context.__exit__(*exc)

    def on(self, alias, table):
        return [q["sql"] for q in self.contexts[alias].captured_queries if table in q["sql"]]


def test_the_replica_is_a_mirror_of_the_test_database():
    assert settings.DATABASES["replica"]["TEST"]["MIRROR"] == "default"
    assert (
        connections["replica"].settings_dict["NAME"] == connections["default"].settings_dict["NAME"]
    )
    assert settings.DATABASE_ROUTERS == ["smolyan_portal.routers.ReplicaRouter"]
    assert settings.READ_REPLICA_ALIAS == "replica"


def test_a_public_page_reads_from_the_replica(client):
    article = make_article()
    with translation.override("bg"):
        url = article.get_absolute_url()
    with Queries() as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert article.title_bg.encode() in response.content
    assert queries.on("replica", "news_article")
    assert queries.on("default", "news_article") == []


def test_the_admin_reads_from_the_primary(client):
    client.force_login(make_user(superuser=True))
    make_article()
    with Queries() as queries:
        assert client.get("/admin/news/article/").status_code == 200
    assert queries.on("default", "news_article")
    assert queries.contexts["replica"].captured_queries == []


def test_reads_after_a_write_in_the_same_request_stay_on_the_primary(rf):
    make_article()
    make_project()
    linked = {}

    def view(request):
        article = Article.objects.get()
        Feedback.objects.create(message="The map is hard to use.", page_url="/en/", language="en")
        project = Project.objects.get()
        # Read from the replica and from the primary, the two may still be linked.
        article.projects.add(project)
        linked["databases"] = (article._state.db, project._state.db)
        return HttpResponse("ok")

    with Queries() as queries:
        ReplicaMiddleware(view)(rf.get("/en/"))
    assert linked["databases"] == ("replica", "default")
    assert queries.on("replica", "news_article")
    assert queries.on("replica", "projects_project") == []
    assert queries.on("default", "projects_project")
    assert queries.on("default", "INSERT INTO")
    assert queries.on("replica", "INSERT INTO") == []


def test_a_form_sent_by_a_visitor_reads_and_writes_on_the_primary(rf):
    make_article()

    def view(request):
        Article.objects.count()
        return HttpResponse("ok")

    with Queries() as queries:
        ReplicaMiddleware(view)(rf.post("/en/accessibility/", {"message": "hello"}))
    assert queries.on("default", "news_article")
    assert queries.contexts["replica"].captured_queries == []


def test_an_editor_reads_from_the_primary_right_after_a_save(client):
    client.force_login(make_user(superuser=True))
    article, other = make_article(), make_article()
    assert (
        client.post(f"/admin/news/article/{other.pk}/delete/", {"post": "yes"}).status_code == 302
    )

    with Queries() as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert queries.on("default", "news_article")
    assert queries.on("replica", "news_article") == []

    # Once the replica has had time to catch up, the editor reads from it again.
    session = client.session
    session[PIN_KEY] = 0
    session.save()
    with Queries() as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert queries.on("replica", "news_article")


def test_sign_in_data_is_read_from_the_primary_even_on_public_pages(client):
    client.force_login(make_user(staff=True))
    article = make_article()
    with Queries() as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert queries.on("default", "django_session")
    assert queries.on("replica", "django_session") == []
    assert queries.on("replica", "auth_user") == []


def test_outside_a_request_everything_reads_from_the_primary():
    make_article()
    with Queries() as queries:
        assert Article.objects.count() == 1
    assert queries.on("default", "news_article")
    assert queries.contexts["replica"].captured_queries == []


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "news") is True
    assert router.allow_migrate("replica", "news") is False
