"""How many partners a project or the portal has, in words whose nouns agree with the numbers."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def from_countries(count):
    """The words after a count of partners: "from 1 country", "from 9 countries"."""
    return ngettext("from %(count)s country", "from %(count)s countries", count) % {"count": count}


@register.simple_tag
def count_partners(count, countries=None, consortium=None):
    """Partners in words, with a project's whole consortium when the portal lists part of it.

    "32 partners in the consortium, 10 on this portal" when the consortium is larger than
    what the portal lists, else "10 partners from 9 countries" (or "10 partners").
    """
    if consortium and consortium != count:
        return ngettext(
            "%(consortium)s partner in the consortium, %(count)s on this portal",
            "%(consortium)s partners in the consortium, %(count)s on this portal",
            consortium,
        ) % {"consortium": consortium, "count": count}
    if countries:
        return ngettext(
            "%(count)s partner %(from_countries)s",
            "%(count)s partners %(from_countries)s",
            count,
        ) % {"count": count, "from_countries": from_countries(countries)}
    return ngettext("%(count)s partner", "%(count)s partners", count) % {"count": count}
