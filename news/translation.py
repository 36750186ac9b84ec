from modeltranslation.translator import TranslationOptions, register

from news.models import Article, ArticleImage


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "summary",
        "body",
        "cover_image_alt",
        "cover_image_credit",
        "source_publisher",
    )
    required_languages = ("bg",)


@register(ArticleImage)
class ArticleImageTranslationOptions(TranslationOptions):
    fields = ("caption", "image_alt", "image_credit")
