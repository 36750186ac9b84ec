from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lists import page_text_columns
from .translation_records import FieldTranslation, FieldTranslationQuerySet  # noqa: F401
from .transliteration import slugify_bg


def language_codes():
    """The codes of the site's languages, the default first."""
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The name of a language in words, translated into the active language."""
    return dict(settings.LANGUAGES).get(code, code)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """What anonymous visitors may see: published, and its time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def for_lists(self, **related):
        """The items as lists and cards show them, without the long texts only their page shows.

        `page_texts` of the model, and of the models of selected relations named in
        `related` (`for_lists(host=Partner)`): see publishing.lists.page_text_columns.
        """
        fields = page_text_columns(self.model)
        for name, model in related.items():
            fields += page_text_columns(model, through=name)
        return self.defer(*fields)

    def scheduled(self):
        """Published, but waiting for its publication time."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def visible_to(self, user):
        """Everything for staff who may edit these items, the published rest for others."""
        opts = self.model._meta
        if (
            user is not None
            and user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        ):
            return self.all()
        return self.published()


class Publishable(models.Model):
    """The publishing fields every public content type shares."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Drafts are seen only by editors."),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "A published item appears on the site from this moment; a time in the future "
            "schedules it. Left empty, it is the moment the item is published."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = [models.F("published_at").desc(nulls_first=True)]
        # Kept only by subclasses whose Meta extends Publishable.Meta.
        indexes = [
            models.Index(fields=["status", "published_at"], name="%(app_label)s_%(class)s_pub"),
        ]

    def save(self, *args, **kwargs):
        if self._date_publication() and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    def clean(self):
        # Before the constraints are checked: a form that publishes a draft is valid.
        self._date_publication()
        super().clean()

    def _date_publication(self):
        # A draft carries no publication time unless the editor gave one, so that an item
        # published days after it was written is dated the day it appeared.
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            return True
        return False

    @property
    def is_published(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


def publication_constraints(prefix):
    """Named constraints of a publishable model: whatever is published has its time."""
    return [
        models.CheckConstraint(
            condition=Q(status=Status.DRAFT) | Q(published_at__isnull=False),
            name=f"{prefix}_published_has_time",
            violation_error_message=_("A published item needs its publication time."),
        )
    ]


def make_slug_field(made_from="title"):
    """The address field of a page; modeltranslation gives it a column per language."""
    help_texts = {
        "title": _("The last part of the page address. Left empty, it is made from the title."),
        "name": _("The last part of the page address. Left empty, it is made from the name."),
    }
    return models.SlugField(
        _("address (slug)"), max_length=100, blank=True, help_text=help_texts[made_from]
    )


def slug_constraints(prefix, field="slug"):
    """Named constraints: a non-empty slug is unique among one model's rows, per language."""
    return [
        models.UniqueConstraint(
            fields=[f"{field}_{code}"],
            condition=~Q(**{f"{field}_{code}": ""}),
            name=f"{prefix}_{field}_{code}_unique",
            violation_error_message=_("Another item already uses this address in this language."),
        )
        for code in language_codes()
    ]


class SlugRedirectQuerySet(models.QuerySet):
    def target_for(self, model, language, slug, *, queryset=None):
        """The object that once had this slug in this language, or None.

        Pass queryset (e.g. `Article.objects.visible_to(user)`) to find only objects the
        visitor may see.
        """
        if not slug:
            return None
        object_id = (
            self.filter(
                content_type=ContentType.objects.get_for_model(model),
                language=language,
                old_slug=slug,
            )
            .values_list("object_id", flat=True)
            .first()
        )
        if object_id is None:
            return None
        if queryset is None:
            queryset = model._default_manager.all()
        return queryset.filter(pk=object_id).first()


class SlugRedirect(models.Model):
    """An address an object had before its slug changed, so the old link answers 301."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object ID"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    old_slug = models.SlugField(_("old address (slug)"), max_length=100)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SlugRedirectQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "language", "old_slug"]
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "language", "old_slug"],
                name="publishing_slugredirect_unique_old_slug",
            ),
        ]

    def __str__(self):
        return f"{self.content_type} {self.language}/{self.old_slug} → #{self.object_id}"


class TranslatedSlugMixin:
    """Fill each language's slug from the title, keep it unique, redirect old slugs.

    For concrete models whose `slug` and `slug_source` fields are registered with
    modeltranslation; the per-language columns are always used directly.
    """

    slug_source = "title"
    slug_field = "slug"
    slug_max_length = 80

    def _slug_attname(self, code):
        return f"{self.slug_field}_{code}"

    def _slug_queryset(self, code, slug):
        queryset = self._meta.concrete_model._base_manager.filter(
            **{self._slug_attname(code): slug}
        )
        if self.pk is not None:
            queryset = queryset.exclude(pk=self.pk)
        return queryset

    def _unique_slug(self, code, text):
        max_length = min(
            self.slug_max_length, self._meta.get_field(self._slug_attname(code)).max_length
        )
        # A title of punctuation alone still needs an address.
        base = slugify_bg(text, max_length=max_length) or self._meta.model_name
        slug, number = base, 2
        while self._slug_queryset(code, slug).exists():
            suffix = f"-{number}"
            slug = base[: max_length - len(suffix)].rstrip("-") + suffix
            number += 1
        return slug

    def _saved_slugs(self, codes):
        """The slugs the row holds before this save, read from the row itself.

        Not what the instance was loaded with: the database says which address a save
        replaces, as it says which stored file a save lets go (media/cleanup.py).
        """
        if self.pk is None or not codes:
            return {}
        attnames = [self._slug_attname(code) for code in codes]
        row = self._meta.concrete_model._base_manager.filter(pk=self.pk).values(*attnames).first()
        return {code: row[self._slug_attname(code)] for code in codes} if row else {}

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        codes = language_codes()
        if update_fields is not None:
            # A partial save touches the slugs only when it names the slug or its source.
            named = set(update_fields)
            codes = [
                code
                for code in codes
                if {self._slug_attname(code), f"{self.slug_source}_{code}"} & named
            ]
            kwargs["update_fields"] = named | {self._slug_attname(code) for code in codes}

        for code in codes:
            attname = self._slug_attname(code)
            source = getattr(self, f"{self.slug_source}_{code}", None)
            if not getattr(self, attname, None) and source:
                setattr(self, attname, self._unique_slug(code, source))

        # A renamed row and the redirect from its old address are saved together or not at all.
        with transaction.atomic(using=kwargs.get("using")):
            old_slugs = self._saved_slugs(codes)
            super().save(*args, **kwargs)
            changed = {}
            for code in codes:
                old = old_slugs.get(code) or ""
                new = getattr(self, self._slug_attname(code)) or ""
                if old != new:
                    changed[code] = (old, new)
            if changed:
                self._record_slug_changes(changed)

    def _record_slug_changes(self, changed):
        content_type = ContentType.objects.get_for_model(self)
        redirects = SlugRedirect.objects.filter(content_type=content_type)
        for code, (old, new) in changed.items():
            if new:
                # The slug is this object's address again: an old redirect must not shadow it.
                redirects.filter(language=code, old_slug=new).delete()
            if old:
                # The newest owner of an old slug is the one its links meant most recently.
                SlugRedirect.objects.update_or_create(
                    content_type=content_type,
                    language=code,
                    old_slug=old,
                    defaults={"object_id": self.pk},
                )

    def record_raw_slug_change(self):
        """Redirect from the address a raw save replaces (a revert to an earlier version).

        Reverting from the history writes the old row back without calling save(), so
        the address the item had until then would answer 404 without this.
        """
        codes = language_codes()
        old_slugs = self._saved_slugs(codes)
        changed = {}
        for code in codes:
            old = old_slugs.get(code) or ""
            new = getattr(self, self._slug_attname(code)) or ""
            if old != new:
                changed[code] = (old, new)
        if changed:
            self._record_slug_changes(changed)

    def validate_unique_slugs(self):
        """Raise ValidationError naming each language whose slug another row already uses."""
        errors = {}
        for code in language_codes():
            attname = self._slug_attname(code)
            slug = getattr(self, attname, None)
            if slug and self._slug_queryset(code, slug).exists():
                errors[attname] = ValidationError(
                    _("Another %(model)s already uses this address in %(language)s."),
                    code="duplicate_slug",
                    params={
                        "model": self._meta.verbose_name,
                        "language": language_name(code),
                    },
                )
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        self.validate_unique_slugs()


def record_reverted_slugs(sender, instance, raw=False, **kwargs):
    if raw and isinstance(instance, TranslatedSlugMixin) and instance.pk is not None:
        instance.record_raw_slug_change()


class DetachedLink(models.Model):
    """A link that deleting an item cut (a news item's meeting), kept to restore on recovery.

    Deleting a meeting leaves its news and documents in place with their link set to
    nothing; when the meeting is recovered from its history, these rows say which
    links to put back.
    """

    deleted_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("deleted type")
    )
    deleted_id = models.PositiveBigIntegerField(_("deleted item"))
    linked_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("linked type")
    )
    linked_id = models.PositiveBigIntegerField(_("linked item"))
    field_name = models.CharField(_("link"), max_length=100)
    target_id = models.PositiveBigIntegerField(_("linked to"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["deleted_type", "deleted_id", "pk"]
        verbose_name = _("detached link")
        verbose_name_plural = _("detached links")
        indexes = [models.Index(fields=["deleted_type", "deleted_id"], name="detachedlink_deleted")]

    def __str__(self):
        return f"{self.linked_type} #{self.linked_id}.{self.field_name} → #{self.target_id}"
