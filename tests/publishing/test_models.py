from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models
from django.test.utils import isolate_apps
from django.utils import timezone, translation

from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    PublishedQuerySet,
    SlugRedirect,
    Status,
    TranslatedSlugMixin,
    slug_constraints,
)


@pytest.fixture
def page_model(transactional_db):
    """A concrete publishable model with its own table, outside the project's migrations."""
    ContentType.objects.clear_cache()
    with isolate_apps("publishing"):
        # Nullable like the columns modeltranslation adds for languages other than the default.
        class Page(TranslatedSlugMixin, Publishable):
            title_bg = models.CharField(max_length=200, blank=True)
            title_en = models.CharField(max_length=200, blank=True, null=True)  # noqa: DJ001
            slug_bg = models.SlugField(max_length=100, blank=True)
            slug_en = models.SlugField(max_length=100, blank=True, null=True)  # noqa: DJ001
            body_bg = RichTextField(blank=True)
            body_en = RichTextField(blank=True, null=True)  # noqa: DJ001

            class Meta(Publishable.Meta):
                app_label = "publishing"
                verbose_name = "page"
                constraints = slug_constraints("page")

            def __str__(self):
                return self.title_bg

    with connection.schema_editor() as editor:
        editor.create_model(Page)
    yield Page
    with connection.schema_editor() as editor:
        editor.delete_model(Page)
    ContentType.objects.clear_cache()


def make_page(model, **fields):
    fields.setdefault("title_bg", "Смолян")
    return model.objects.create(**fields)


# Publishing


def test_publishable_indexes_status_and_time(page_model):
    assert [index.name for index in page_model._meta.indexes] == ["publishing_page_pub"]
    assert page_model._meta.indexes[0].fields == ["status", "published_at"]


def test_published_drafts_and_scheduled(page_model):
    now = timezone.now()
    live = make_page(page_model, status=Status.PUBLISHED, published_at=now - timedelta(hours=1))
    later = make_page(page_model, status=Status.PUBLISHED, published_at=now + timedelta(hours=1))
    draft = make_page(page_model, published_at=now - timedelta(hours=1))

    assert isinstance(page_model.objects.all(), PublishedQuerySet)
    assert list(page_model.objects.published()) == [live]
    assert list(page_model.objects.scheduled()) == [later]
    assert list(page_model.objects.drafts()) == [draft]
    assert draft.status == Status.DRAFT
    assert (live.is_published, live.is_scheduled) == (True, False)
    assert (later.is_published, later.is_scheduled) == (False, True)
    assert (draft.is_published, draft.is_scheduled) == (False, False)


def test_visible_to_shows_drafts_only_to_staff_who_may_edit(page_model):
    make_page(page_model, status=Status.PUBLISHED)
    make_page(page_model, title_bg="Чернова")
    content_type = ContentType.objects.get_for_model(page_model)
    may_change = Permission.objects.create(
        codename="change_page", name="Can change page", content_type=content_type
    )
    editor = User.objects.create_user("editor", is_staff=True)
    editor.user_permissions.add(may_change)
    staff = User.objects.create_user("staff", is_staff=True)
    not_staff = User.objects.create_user("visitor")
    not_staff.user_permissions.add(may_change)
    retired = User.objects.create_user("retired", is_staff=True, is_active=False)
    retired.user_permissions.add(may_change)
    admin = User.objects.create_superuser("admin")

    def count(user):
        return page_model.objects.visible_to(user).count()

    assert count(User.objects.get(username="editor")) == 2
    assert count(admin) == 2
    assert count(staff) == 1
    assert count(User.objects.get(username="visitor")) == 1
    assert count(User.objects.get(username="retired")) == 1
    assert count(AnonymousUser()) == 1
    assert count(None) == 1


# Slugs


def test_slugs_are_made_from_each_languages_title(page_model):
    page = make_page(page_model, title_bg="Среща в София", title_en="Meeting in Sofia")
    page.refresh_from_db()
    assert (page.slug_bg, page.slug_en) == ("sreshta-v-sofia", "meeting-in-sofia")


def test_english_slug_stays_empty_without_an_english_title(page_model):
    page = make_page(page_model, title_bg="Смолян")
    assert page.slug_bg == "smolyan"
    assert page.slug_en is None
    second = make_page(page_model, title_bg="Пампорово", title_en="")
    assert second.slug_en is None


def test_slugs_are_made_unique_per_language(page_model):
    slugs = [make_page(page_model, title_bg="Смолян", title_en="Smolyan") for _ in range(3)]
    assert [page.slug_bg for page in slugs] == ["smolyan", "smolyan-2", "smolyan-3"]
    assert [page.slug_en for page in slugs] == ["smolyan", "smolyan-2", "smolyan-3"]


def test_a_numbered_slug_still_fits_the_column(page_model):
    title = "Дума " * 40
    first = make_page(page_model, title_bg=title)
    second = make_page(page_model, title_bg=title)
    assert len(first.slug_bg) <= 80
    assert second.slug_bg == first.slug_bg[:78].rstrip("-") + "-2"


def test_a_title_without_letters_still_gets_an_address(page_model):
    assert make_page(page_model, title_bg="!!!").slug_bg == "page"


def test_a_slug_typed_by_the_editor_is_kept(page_model):
    page = make_page(page_model, title_bg="Смолян", slug_bg="grad")
    assert page.slug_bg == "grad"


def test_the_database_refuses_a_duplicate_slug(page_model):
    first = make_page(page_model)
    second = make_page(page_model, title_bg="Друго")
    with pytest.raises(IntegrityError):
        page_model.objects.filter(pk=second.pk).update(slug_bg=first.slug_bg)


def test_validate_unique_slugs_names_the_language(page_model):
    make_page(page_model, title_bg="Смолян", title_en="Smolyan")
    page = page_model(title_bg="Друго", slug_bg="drugo", slug_en="smolyan")
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            page.validate_unique_slugs()
        assert caught.value.message_dict == {
            "slug_en": ["Another page already uses this address in English."]
        }


def test_full_clean_reports_the_duplicate_slug_on_its_field(page_model):
    existing = make_page(page_model, title_bg="Смолян")
    page = page_model(title_bg="Друго", slug_bg="smolyan")
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        assert caught.value.message_dict == {
            "slug_bg": ["Another page already uses this address in Bulgarian."]
        }
    existing.full_clean()


# Old slugs


def test_a_changed_slug_leaves_a_redirect(page_model):
    page = make_page(page_model, title_bg="Смолян", title_en="Smolyan")
    page = page_model.objects.get(pk=page.pk)
    page.slug_bg = "smolyan-grad"
    page.save()

    redirect = SlugRedirect.objects.get()
    assert (redirect.language, redirect.old_slug, redirect.object_id) == ("bg", "smolyan", page.pk)
    assert redirect.content_type == ContentType.objects.get_for_model(page_model)
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan") == page
    assert SlugRedirect.objects.target_for(page_model, "en", "smolyan") is None
    assert SlugRedirect.objects.target_for(page_model, "bg", "nothing") is None
    assert SlugRedirect.objects.target_for(page_model, "bg", "") is None


def test_saving_an_unchanged_slug_leaves_no_redirect(page_model):
    page = make_page(page_model, title_en="Smolyan")
    page.title_bg = "Смолян днес"
    page.save()
    page_model.objects.get(pk=page.pk).save()
    assert not SlugRedirect.objects.exists()


def test_every_old_slug_leads_to_the_current_object(page_model):
    page = make_page(page_model)
    for slug in ("vtori", "treti"):
        page.slug_bg = slug
        page.save()
    assert sorted(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["smolyan", "vtori"]
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan") == page
    assert SlugRedirect.objects.target_for(page_model, "bg", "vtori") == page


def test_the_address_a_save_replaces_is_the_one_the_row_holds(page_model):
    page = make_page(page_model)
    loaded_early = page_model.objects.get(pk=page.pk)
    page.slug_bg = "vtori"
    page.save()
    # An instance loaded before that rename replaces the row's address of now: both old
    # addresses lead to the page.
    loaded_early.slug_bg = "treti"
    loaded_early.save()
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan") == page
    assert SlugRedirect.objects.target_for(page_model, "bg", "vtori") == page


def test_a_refreshed_instance_records_the_address_it_replaces(page_model):
    page = make_page(page_model)
    page_model.objects.filter(pk=page.pk).update(slug_bg="vtori")
    page.refresh_from_db()
    page.slug_bg = "treti"
    page.save()
    assert SlugRedirect.objects.target_for(page_model, "bg", "vtori") == page


def test_renaming_back_removes_the_redirect(page_model):
    page = make_page(page_model)
    page.slug_bg = "drugo"
    page.save()
    page.slug_bg = "smolyan"
    page.save()
    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["drugo"]
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan") is None


def test_an_old_slug_belongs_to_its_latest_owner(page_model):
    first = make_page(page_model)
    first.slug_bg = "grad"
    first.save()
    second = make_page(page_model)
    assert second.slug_bg == "smolyan"
    assert not SlugRedirect.objects.filter(old_slug="smolyan").exists()
    second.slug_bg = "obshtina"
    second.save()
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan") == second
    assert SlugRedirect.objects.filter(old_slug="smolyan").count() == 1


def test_target_for_can_be_limited_to_what_the_visitor_may_see(page_model):
    page = make_page(page_model)
    page.slug_bg = "chernova"
    page.save()
    visible = page_model.objects.published()
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan", queryset=visible) is None
    page.status = Status.PUBLISHED
    page.save()
    visible = page_model.objects.published()
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan", queryset=visible) == page


def test_a_slug_changed_on_a_partly_loaded_row_leaves_a_redirect(page_model):
    page = make_page(page_model)
    partial = page_model.objects.only("pk", "title_bg").get(pk=page.pk)
    partial.slug_bg = "novo"
    partial.save()
    assert SlugRedirect.objects.target_for(page_model, "bg", "smolyan") == page


def test_a_partial_save_leaves_the_slugs_alone(page_model):
    page = make_page(page_model, title_en="")
    page.title_en = "Smolyan"
    page.save(update_fields=["status"])
    page.refresh_from_db()
    assert page.slug_en is None
    page.title_en = "Smolyan"
    page.save(update_fields=["title_en"])
    page.refresh_from_db()
    assert page.slug_en == "smolyan"


def test_redirect_str():
    redirect = SlugRedirect(
        content_type=ContentType(app_label="publishing", model="slugredirect"),
        language="bg",
        old_slug="staro",
        object_id=7,
    )
    with translation.override("en"):
        assert str(redirect) == "Publishing | slug redirect bg/staro → #7"


# Rich text


def test_rich_text_is_sanitised_on_save_in_every_language(page_model):
    page = make_page(
        page_model,
        body_bg='<p onclick="x()">Здравей</p><script>alert(1)</script>',
        body_en='<a href="javascript:alert(1)">hi</a>',
    )
    page.refresh_from_db()
    assert page.body_bg == "<p>Здравей</p>"
    assert page.body_en == "<a>hi</a>"
    untranslated = make_page(page_model, body_en=None)
    untranslated.refresh_from_db()
    assert untranslated.body_en is None
