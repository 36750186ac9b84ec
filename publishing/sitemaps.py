"""Sitemaps of published items, each item in the languages it is really translated into."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from publishing.translations import part_prefetches, translated_languages


class TranslatedSitemap(Sitemap):
    """Every published item of a model, once per language it has its own text in.

    Each entry lists its translations as hreflang alternates; a draft or a scheduled item
    is never listed, and the date of an entry is that of the item's last change.
    """

    i18n = True
    alternates = True

    def __init__(self, model):
        self.model = model

    def items(self):
        published = self.model.objects.published().order_by("pk")
        return list(published.prefetch_related(*part_prefetches(self.model)))

    def get_languages_for_item(self, item):
        # The one definition of "translated" that the hreflang links use too.
        return translated_languages(item)

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)


class PageSitemap(Sitemap):
    """Pages that exist in every language, by URL name, such as the lists.

    `pages` maps a URL name to the models whose published items the page shows: its date
    is the last change of any of them. A page of fixed text maps to no model and has none.
    """

    i18n = True
    alternates = True

    def __init__(self, pages):
        self.pages = pages
        self.latest = {}

    def items(self):
        changes = {}
        for models in self.pages.values():
            for model in models:
                if model not in changes:
                    latest = model.objects.published().aggregate(latest=Max("updated_at"))
                    changes[model] = latest["latest"]
        self.latest = {
            url_name: max(
                (changes[model] for model in models if changes[model] is not None), default=None
            )
            for url_name, models in self.pages.items()
        }
        return list(self.pages)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return self.latest.get(item)
