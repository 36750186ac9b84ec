"""The admin as a whole: language, titles, CSP, local assets, the Editors group, the index."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from documents.models import Document
from events.models import Meeting
from news.models import Article
from partners.models import Partner
from projects.models import Project
from publishing.admin import EMPTY_STYLE_HASH
from publishing.models import Status
from tests.admin_support import admin_url, make_editor
from tests.factories import (
    make_article,
    make_document,
    make_meeting,
    make_partner,
    make_project,
    make_session,
    make_user,
)

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    ("partners", "partner"),
    ("projects", "project"),
    ("projects", "participation"),
    ("events", "meeting"),
    ("events", "session"),
    ("events", "sitevisit"),
    ("news", "article"),
    ("news", "articleimage"),
    ("documents", "document"),
    ("knowledge", "topic"),
    ("knowledge", "person"),
    ("knowledge", "solution"),
    ("knowledge", "replication"),
    ("knowledge", "indicator"),
    ("knowledge", "indicatorvalue"),
]
PUBLISHABLE = ["partner", "project", "meeting", "article", "document", "solution", "person"]


@pytest.fixture
def superuser_client(client):
    client.force_login(make_user(superuser=True))
    return client


def test_editors_group_can_do_everything_with_content_and_nothing_with_users():
    group = Group.objects.get(name="Editors")
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    expected = {
        (app_label, f"{action}_{model}")
        for app_label, model in CONTENT_MODELS
        for action in ("add", "change", "delete", "view")
    } | {
        (app_label, f"publish_{model}")
        for app_label, model in CONTENT_MODELS
        if model in PUBLISHABLE
    }
    assert granted == expected
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_an_editor_cannot_open_user_administration(client):
    client.force_login(make_editor())
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert client.get("/admin/news/article/").status_code == 200


def test_publish_permissions_exist_for_each_publishable_model():
    codenames = set(
        Permission.objects.filter(codename__startswith="publish_").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {f"publish_{model}" for model in PUBLISHABLE}


@pytest.mark.parametrize(
    ("accept_language", "lang", "title"),
    [
        ("bg-BG,bg;q=0.9", "bg", "Европейски проекти на Смолян — администрация"),
        ("en-GB,en;q=0.9", "en", "Smolyan EU projects — administration"),
        ("de-DE,de;q=0.9", "en", "Smolyan EU projects — administration"),
        ("fr-FR,de;q=0.8", "en", "Smolyan EU projects — administration"),
        ("de-DE,bg;q=0.5", "bg", "Европейски проекти на Смолян — администрация"),
    ],
)
def test_admin_speaks_bulgarian_or_english_and_english_to_everyone_else(
    superuser_client, accept_language, lang, title
):
    response = superuser_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=accept_language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html
    assert title in html
    assert response["Content-Language"] == lang


def test_login_page_of_a_german_browser_is_english(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert '<html lang="en"' in response.content.decode()


def test_public_site_keeps_bulgarian_for_other_browsers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response["Location"] == "/bg/"


def _change_pages():
    meeting = make_meeting()
    return [
        admin_url(make_article(), "change"),
        admin_url(meeting, "change"),
        admin_url(make_session(meeting), "change"),
        admin_url(make_project(), "change"),
        admin_url(make_partner(), "change"),
        admin_url(make_document(), "change"),
    ]


def test_admin_pages_load_everything_from_our_own_static_files(superuser_client):
    for url in [*_change_pages(), "/admin/", "/admin/news/article/add/"]:
        html = superuser_client.get(url, HTTP_ACCEPT_LANGUAGE="bg").content.decode()
        for attribute, value in re.findall(r'\b(src|href)="([^"#]*)"', html):
            assert value.startswith("/"), (url, attribute, value)
            assert not value.startswith("//"), (url, attribute, value)
        assert "googleapis" not in html
        scripts = re.findall(r'<script[^>]* src="([^"]+)"', html)
        assert all(src.startswith(("/static/", "/admin/jsi18n/")) for src in scripts), scripts


def test_language_tabs_get_jquery_ui_and_jquery_from_our_host(superuser_client):
    html = superuser_client.get(admin_url(make_article(), "change")).content.decode()
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', html)
    assert "/static/xstatic/jquery-ui/jquery-ui.min.js" in scripts
    assert "/static/admin/js/vendor/jquery/jquery.min.js" in scripts
    # jQuery UI attaches to the jQuery that force_jquery.js exposes, so it comes after it.
    assert scripts.index("/static/modeltranslation/js/force_jquery.js") < scripts.index(
        "/static/xstatic/jquery-ui/jquery-ui.min.js"
    )
    assert scripts.index("/static/xstatic/jquery-ui/jquery-ui.min.js") < scripts.index(
        "/static/modeltranslation/js/tabbed_translation_fields.js"
    )
    for path in ("/static/xstatic/jquery-ui/jquery-ui.min.js", "/static/admin/js/jquery.init.js"):
        assert superuser_client.get(path).status_code == 200


def test_change_page_csp_allows_the_editors_import_map_by_nonce_only(superuser_client):
    response = superuser_client.get(admin_url(make_article(), "change"))
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    assert "unsafe-inline" not in policy
    # The only inline style allowed is an empty one: the editor's style placeholder.
    assert f"style-src 'self' {EMPTY_STYLE_HASH};" in policy + ";"
    assert EMPTY_STYLE_HASH == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    html = response.content.decode()
    assert f'<script type="importmap" nonce="{nonce}">' in html
    assert '"django-prose-editor/editor"' in html
    assert "<style data-tiptap-style></style>" in html
    assert re.findall(r"<style[^>]*>[^<]*</style>", html) == ["<style data-tiptap-style></style>"]
    # No other inline script: every other <script> loads a file.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [f' type="importmap" nonce="{nonce}"']


def test_public_pages_keep_script_src_self_only(client):
    response = client.get("/bg/")
    assert "nonce" not in response["Content-Security-Policy"]


def test_index_lists_what_needs_attention_with_working_links(superuser_client):
    make_article(status=Status.DRAFT)
    make_article(status=Status.DRAFT, title_en="", summary_en="")
    make_article(published_at=timezone.now() + datetime.timedelta(days=2))
    make_article()
    make_meeting(title_en="")
    response = superuser_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    block = html[html.index('id="attention-module"') : html.index("</table>")]
    assert '<a href="/admin/news/article/?publication=draft">Drafts: 2</a>' in block
    assert '<a href="/admin/news/article/?publication=scheduled">Scheduled: 1</a>' in block
    assert '<a href="/admin/news/article/?english=missing">Without English: 1</a>' in block
    assert '<a href="/admin/events/meeting/?english=missing">Without English: 1</a>' in block
    assert "/admin/partners/partner/" not in block

    listing = superuser_client.get("/admin/news/article/?publication=draft")
    assert listing.context["cl"].result_count == 2
    listing = superuser_client.get("/admin/news/article/?publication=scheduled")
    assert listing.context["cl"].result_count == 1
    listing = superuser_client.get("/admin/news/article/?english=missing")
    assert listing.context["cl"].result_count == 1


def test_index_attention_block_in_bulgarian(superuser_client):
    make_article(status=Status.DRAFT)
    html = superuser_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert "Нужда от внимание" in html
    assert "Чернови: 1" in html


def test_index_attention_runs_one_query_per_model(superuser_client, django_assert_num_queries):
    make_article(status=Status.DRAFT)
    superuser_client.get("/admin/")
    for _n in range(3):
        make_article(status=Status.DRAFT)
        make_meeting(title_en="")
    with django_assert_num_queries(16):
        # Session and user (2), the admin log (1), the attention counts of the seven
        # publishable models (7), unhandled feedback and the statement's review date (2),
        # the translation counts of the statement and the topics (2; the other models' come
        # with their own counts), and axes' and the session's bookkeeping (2).
        superuser_client.get("/admin/")


@pytest.mark.parametrize(
    ("factory", "model"),
    [
        (make_article, Article),
        (make_meeting, Meeting),
        (make_project, Project),
        (make_partner, Partner),
        (make_document, Document),
    ],
)
def test_publish_and_unpublish_actions_count_what_changed(superuser_client, factory, model):
    set_time = timezone.now() - datetime.timedelta(days=3)
    draft = factory(status=Status.DRAFT, published_at=set_time)
    live = factory()
    url = admin_url(model)

    response = superuser_client.post(
        url,
        {"action": "publish", "_selected_action": [draft.pk, live.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    texts = [str(message) for message in response.context["messages"]]
    assert texts == ["1 item was published. 1 was published already."]
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at == set_time  # kept: it was set

    response = superuser_client.post(
        url,
        {"action": "unpublish", "_selected_action": [draft.pk, live.pk]},
        HTTP_ACCEPT_LANGUAGE="bg",
        follow=True,
    )
    texts = [str(message) for message in response.context["messages"]]
    assert texts == ["2 записа бяха свалени от сайта и вече са чернови."]
    assert set(model.objects.values_list("status", flat=True)) == {Status.DRAFT}


def test_actions_need_the_publish_permission(client):
    actions = ("view", "change", "add", "delete")
    user = make_user(staff=True, permissions=[f"news.{action}_article" for action in actions])
    client.force_login(user)
    draft = make_article(status=Status.DRAFT)
    response = client.get(admin_url(Article))
    choices = [name for name, _label in response.context["action_form"].fields["action"].choices]
    assert "delete_selected" in choices
    assert "publish" not in choices
    assert "unpublish" not in choices
    # Without it, the status is shown but not editable.
    response = client.get(admin_url(draft, "change"))
    assert "status" not in response.context["adminform"].form.fields


def test_editor_publishes_with_the_action(client):
    client.force_login(make_editor())
    draft = make_article(status=Status.DRAFT)
    client.post(admin_url(Article), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
