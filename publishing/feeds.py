"""RSS 2.0 and Atom feeds of published items, each in the language of its address."""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from publishing.structured_data import canonical_path
from publishing.translations import translated_q

# Feed readers show the newest items; older ones are on the site.
FEED_LENGTH = 20


class TranslatedFeed(Feed):
    """A feed of published items, in RSS 2.0 or, with `atom=True`, in Atom.

    A feed in a language lists only the items really written in it, so that a reader never
    gets Bulgarian text in a feed that declares itself English. Entry ids stay the same
    when an item's title and address change.
    """

    translated_field = "title"
    # Part of each entry's id: "article", "meeting".
    guid_name = ""

    def __init__(self, atom=False):
        super().__init__()
        self.atom = atom
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: each answer gets a copy that knows its request.
        feed = copy.copy(self)
        feed.request = request
        response = Feed.__call__(feed, request, *args, **kwargs)
        # Written element by element, the feed would leave in hundreds of pieces, which the
        # server sends one by one (and the page cache keeps so): joined, it is one.
        response.content = response.content
        return response

    def translated(self, queryset):
        return queryset.filter(translated_q(queryset.model, get_language()))

    def feed_url(self):
        return canonical_path(self.request)

    def description(self, obj):
        """What the feed holds; obj is the item it is a feed of, None for a feed of all."""
        raise NotImplementedError

    def subtitle(self, obj):
        # Atom's word for RSS's description.
        return self.description(obj) if self.atom else None

    def author_name(self):
        return _("Municipality of Smolyan")

    def item_title(self, item):
        return str(getattr(item, self.translated_field))

    def item_description(self, item):
        # Both formats carry the summary as HTML; the summary is plain text.
        return escape(item.summary)

    def feed_guid(self, obj):
        # The feed's own id, the same whatever host it was fetched from.
        name = f"{self.guid_name}s"
        if obj is not None:
            name = f"{obj._meta.model_name}/{obj.pk}/{name}"
        return f"tag:{settings.PORTAL_DOMAIN},2023:{name}/{get_language()}"

    def item_guid(self, item):
        return f"tag:{settings.PORTAL_DOMAIN},2023:{self.guid_name}/{item.pk}/{get_language()}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # A scheduled item may have been edited before its publication time.
        return max(item.published_at, item.updated_at)
