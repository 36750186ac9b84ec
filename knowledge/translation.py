from modeltranslation.translator import TranslationOptions, register

from knowledge.models import Indicator, Person, Replication, Solution, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    required_languages = ("bg",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    # Names too: Cyrillic on the Bulgarian pages, Latin letters on the English ones.
    fields = ("name", "role")
    required_languages = ("bg",)


@register(Solution)
class SolutionTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "description", "worked", "did_not_work", "advice")
    required_languages = ("bg",)


@register(Replication)
class ReplicationTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("bg",)
