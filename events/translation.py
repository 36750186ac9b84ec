from modeltranslation.translator import TranslationOptions, register

from events.models import Meeting, Session, SiteVisit


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "venue",
        "summary",
        "body",
        "outcomes",
        "cover_image_alt",
        "cover_image_credit",
    )
    required_languages = ("bg",)


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "venue", "speakers")
    required_languages = ("bg",)


@register(SiteVisit)
class SiteVisitTranslationOptions(TranslationOptions):
    fields = ("title", "place", "description", "image_alt", "image_credit")
    required_languages = ("bg",)
