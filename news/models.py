from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Meeting
from partners.models import Partner
from projects.models import Project
from publishing.fields import RichTextField
from publishing.images import (
    CleanedImageField,
    ImageFieldsMixin,
    image_upload_to,
    validate_image_file,
)
from publishing.models import (
    Publishable,
    PublishedQuerySet,
    RichTextSanitizingMixin,
    TranslatedSlugMixin,
    slug_constraints,
)


class ArticleQuerySet(PublishedQuerySet):
    def for_listing(self):
        """What a list of articles shows, fetched in a fixed number of queries."""
        return self.select_related("meeting").prefetch_related("projects")


class Article(TranslatedSlugMixin, RichTextSanitizingMixin, ImageFieldsMixin, Publishable):
    """A news article."""

    rich_text_fields = ("body",)
    image_fields = ("cover_image",)
    image_alt_fields = {"cover_image": ("cover_alt", "cover_decorative")}

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("address (slug)"),
        max_length=100,
        blank=True,
        help_text=_("The last part of the page address. Left empty, it is made from the title."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists and search results.")
    )
    body = RichTextField(_("text"), blank=True)
    cover_image = CleanedImageField(
        _("cover image"),
        upload_to=image_upload_to,
        blank=True,
        validators=[validate_image_file],
        width_field="cover_image_width",
        height_field="cover_image_height",
    )
    cover_image_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    cover_image_height = models.PositiveIntegerField(
        _("height in pixels"), null=True, editable=False
    )
    cover_alt = models.CharField(_("cover image alt text"), max_length=250, blank=True)
    cover_decorative = models.BooleanField(
        _("cover image is decorative"),
        default=False,
        help_text=_(
            "Tick only when the image adds nothing to the text; it then needs no alt text."
        ),
    )
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

    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["-published_at"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [*slug_constraints("article")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article-detail", kwargs={"slug": self.slug})


class ArticleImage(ImageFieldsMixin, models.Model):
    """An image of an article's gallery."""

    image_fields = ("image",)
    image_alt_fields = {"image": ("alt", "decorative")}

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="gallery", verbose_name=_("article")
    )
    image = CleanedImageField(
        _("image"),
        upload_to=image_upload_to,
        validators=[validate_image_file],
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("height in pixels"), null=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    alt = models.CharField(_("alt text"), max_length=250, blank=True)
    decorative = models.BooleanField(_("decorative"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["article", "order", "pk"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return self.caption or self.alt or self.image.name
