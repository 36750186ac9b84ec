"""Feed of the partner meetings, upcoming and recent."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from events.models import Meeting
from publishing.feeds import FEED_LENGTH, TranslatedFeed
from publishing.templatetags.pages import date_range_text


class MeetingFeed(TranslatedFeed):
    """The latest meetings by their first day: those to come, then those just held."""

    guid_name = "meeting"

    def title(self):
        return _("Partner meetings · EU projects of Smolyan")

    def description(self, obj):
        return _("Partner meetings of the Municipality of Smolyan's EU city projects.")

    def link(self):
        return reverse("events:meeting-list")

    def items(self):
        meetings = self.translated(Meeting.objects.published()).select_related("host")
        return meetings.order_by("-start_date", "-pk")[:FEED_LENGTH]

    def item_description(self, item):
        where = item.venue
        if item.host is not None and item.host.is_published:
            where = ", ".join(part for part in [item.venue, item.host.name] if part)
        return format_html(
            "<p>{}{}</p><p>{}</p>",
            date_range_text(item.start_date, item.end_date),
            f" · {where}" if where else "",
            item.summary,
        )
