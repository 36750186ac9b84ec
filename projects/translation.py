from modeltranslation.translator import TranslationOptions, register

from projects.models import Project


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "programme", "summary", "description", "funding_statement")
    required_languages = ("bg",)
