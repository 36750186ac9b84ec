"""Which text of each translated field was written against which: the rows behind staleness.

Kept apart from publishing.models for its length; the models module imports it, so Django
finds the model as part of this app.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldTranslationQuerySet(models.QuerySet):
    def for_items(self, model, ids):
        """The rows of these items of `model` and of their parts."""
        content_type = ContentType.objects.get_for_model(model)
        return self.filter(item_type=content_type, item_id__in=ids)


class FieldTranslation(models.Model):
    """One language's text of one translated field of one row: when it changed, against what.

    `basis` holds the digest of each other language's text that this one was last written
    or reviewed against: the text is stale when another language's text no longer has that
    digest. A part's rows (a session's) also name the item it belongs to, whose state it
    counts towards. Kept by publishing.staleness on every save; a database dump carries it
    with the content it describes.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object ID"))
    item_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("item type")
    )
    item_id = models.PositiveBigIntegerField(_("item ID"))
    field = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    digest = models.CharField(_("digest of the text"), max_length=64, blank=True)
    changed_at = models.DateTimeField(_("text changed"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    basis = models.JSONField(_("written against"), default=dict, blank=True)
    # Earlier texts of this language ({digest: text}, the latest few): the word diff of a
    # stale translation shows the source as it was. `bases` ({digest: basis}) lets a text
    # that comes back, as after a revert, take up the basis it had.
    texts = models.JSONField(_("earlier texts"), default=dict, blank=True)
    bases = models.JSONField(_("earlier bases"), default=dict, blank=True)
    stale = models.BooleanField(_("out of date"), default=False, db_index=True)

    objects = FieldTranslationQuerySet.as_manager()

    class Meta:
        ordering = ["item_type", "item_id", "content_type", "object_id", "field", "language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="publishing_fieldtranslation_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["item_type", "item_id"], name="publishing_ft_item"),
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id} {self.field} [{self.language}]"
