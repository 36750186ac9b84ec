"""What the head of each page says about it: canonical address, Open Graph and JSON-LD.

Each app describes its own content (news.structured_data, events.structured_data, …); this
module, which sees every app, picks the description of the page's object.
"""

import html

from django.urls import reverse
from django.utils.translation import gettext as _

from events.models import Meeting
from events.structured_data import describe_meeting
from media.sharing import shared_image
from news.models import Article
from news.structured_data import describe_article
from partners.models import Partner
from partners.structured_data import describe_partner
from projects.models import Project
from projects.structured_data import describe_project
from publishing.structured_data import (
    breadcrumb_list,
    canonical_path,
    json_ld_script,
    open_graph_locale,
)

DESCRIBERS = {
    Article: describe_article,
    Meeting: describe_meeting,
    Partner: describe_partner,
    Project: describe_project,
}


def describe_object(request, context):
    """The description of the item the page shows, or of a plain page."""
    obj = context.get("object")
    describer = DESCRIBERS.get(type(obj))
    if describer is not None:
        return describer(request, obj, context)
    return {"og_type": "website", "image": shared_image(request), "open_graph": [], "json_ld": []}


def breadcrumb_trail(context, path, title):
    """(name, path) from the home page to this page, through its section of the main menu."""
    home = reverse("home")
    trail = [(_("Home"), home)]
    if path == home:
        return trail
    for item in context.get("main_navigation") or ():
        if item.get("current") and item["url"] != path:
            trail.append((str(item["label"]), item["url"]))
            break
    trail.append((title, path))
    return trail


def page_meta(context, title, description, alternates=()):
    """Everything templates/includes/head_meta.html shows; empty for a page with no route."""
    request = context.get("request")
    page = context.get("page_obj")
    path = canonical_path(request, page.number if page is not None else None)
    if path is None or "exception" in context:
        # An error page, or the answer to a form: nothing to index or share.
        return {}
    described = describe_object(request, context)
    plain_title = html.unescape(str(title)).strip()
    return {
        "canonical": request.build_absolute_uri(path),
        "title": title,
        "description": description,
        "locale": open_graph_locale(),
        "alternate_locales": [
            open_graph_locale(alternate["code"])
            for alternate in alternates
            if not alternate.get("is_current")
        ],
        "og_type": described["og_type"],
        "image": described["image"],
        # A logo is too small for the wide card.
        "twitter_card": "summary_large_image" if described["image"]["width"] >= 600 else "summary",
        "open_graph": [(name, value) for name, value in described["open_graph"] if value],
        "structured_data": [
            json_ld_script(data)
            for data in [
                *described["json_ld"],
                breadcrumb_list(request, breadcrumb_trail(context, path, plain_title)),
            ]
        ],
    }
