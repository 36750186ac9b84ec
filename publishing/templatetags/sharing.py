"""Share links: plain links to the networks' own share pages, followed only on a click."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext as _

from publishing.structured_data import canonical_url

register = template.Library()


def share_targets(url, title):
    """(name of the link, address) for e-mail and each network, with the page's URL and title."""
    mail = urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote)
    return [
        (_("Share by e-mail"), f"mailto:?{mail}"),
        (
            _("Share on Facebook"),
            f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url})}",
        ),
        (
            _("Share on LinkedIn"),
            f"https://www.linkedin.com/sharing/share-offsite/?{urlencode({'url': url})}",
        ),
        (
            _("Share on X"),
            f"https://x.com/intent/post?{urlencode({'url': url, 'text': title})}",
        ),
    ]


@register.inclusion_tag("publishing/share_links.html", takes_context=True)
def share_links(context, title):
    """Links that share the page's canonical address; no script, nothing loaded before a click."""
    url = canonical_url(context.get("request"))
    return {"links": share_targets(url, str(title)) if url else []}
