from modeltranslation.translator import TranslationOptions, register

from smolyan_portal.models import AccessibilityStatement


@register(AccessibilityStatement)
class AccessibilityStatementTranslationOptions(TranslationOptions):
    fields = ("non_accessible_content", "preparation_details", "enforcement_procedure")
    # The law asks for the statement in each language the site is published in.
    required_languages = {
        "bg": ("non_accessible_content", "enforcement_procedure"),
        "en": ("non_accessible_content", "enforcement_procedure"),
    }
