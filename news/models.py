from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from events.models import Meeting
from media.images import (
    CleanedImageField,
    CoverImage,
    ImageFieldsMixin,
    credit_field,
    image_upload_to,
    licence_field,
    renditions_made_field,
    validate_image_file,
)
from partners.models import Partner
from projects.models import Project
from publishing.addresses import address
from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    TranslatedSlugMixin,
    make_slug_field,
    publication_constraints,
    slug_constraints,
)


class Article(TranslatedSlugMixin, CoverImage, Publishable):
    """A news article."""

    title = models.CharField(_("title"), max_length=250)
    slug = make_slug_field()
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists and search results.")
    )
    body = RichTextField(_("text"), blank=True)
    projects = models.ManyToManyField(
        Project, related_name="articles", verbose_name=_("projects"), blank=True
    )
    partners = models.ManyToManyField(
        Partner, related_name="articles", verbose_name=_("partners"), blank=True
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
    )
    author = models.CharField(
        _("author"), max_length=200, blank=True, help_text=_("Shown under the title, if given.")
    )
    source_publisher = models.CharField(
        _("first published by"),
        max_length=200,
        blank=True,
        help_text=_("Who published the article first, when it was published elsewhere before."),
    )
    source_date = models.DateField(
        _("first published on"),
        null=True,
        blank=True,
        help_text=_("The date of the first publication."),
    )
    source_url = models.URLField(
        _("address of the first publication"),
        blank=True,
        help_text=_("Only when it is known; leave it empty rather than guess."),
    )

    # The gallery's captions count towards the article's translation (publishing.translations).
    translation_parts = ("gallery",)
    # Shown on the article's own page only (publishing: PublishedQuerySet.for_lists).
    page_texts = ("body",)

    class Meta(Publishable.Meta):
        # Drafts without a publication time first, on SQLite as on PostgreSQL.
        ordering = [F("published_at").desc(nulls_first=True)]
        permissions = [("publish_article", "Can publish article")]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [*slug_constraints("article"), *publication_constraints("article")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address("news:article-detail", slug=self.slug)

    def clean(self):
        super().clean()
        if (self.source_date or self.source_url) and not self.source_publisher_bg:
            raise ValidationError(
                {"source_publisher_bg": _("Name who published the article first.")},
                code="source_publisher",
            )


class ArticleImage(ImageFieldsMixin, models.Model):
    """An image of an article's gallery."""

    alt_text_images = ("image",)

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="gallery", verbose_name=_("article")
    )
    image = CleanedImageField(
        _("image"),
        upload_to=image_upload_to,
        validators=[validate_image_file],
        width_field="image_width",
        height_field="image_height",
        renditions_field="image_renditions",
    )
    image_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("height in pixels"), null=True, editable=False)
    image_renditions = renditions_made_field()
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    image_alt = models.CharField(_("alt text"), max_length=250, blank=True)
    image_decorative = models.BooleanField(_("decorative"), default=False)
    image_credit = credit_field()
    image_licence = licence_field()
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["article", "order", "pk"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return self.caption or self.image_alt or self.image.name
