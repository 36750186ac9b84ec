"""The image a link to a page shows when it is shared on a social network or in a chat."""

from django.core.exceptions import DisallowedHost
from django.templatetags.static import static
from django.utils.translation import gettext as _

from media.renditions import picture_data

# A picture of the portal's logo, for pages that have no image of their own.
DEFAULT_IMAGE = ("img/social-default.png", 1200, 630)


def _absolute(request, url):
    if request is None:
        return url
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        return url


def shared_image(request, image=None, alt="", rights=None):
    """url, width, height and alt text of the image shared with a link to the page.

    An uploaded image is shared in its fallback rendition (JPEG or PNG, at most 1,200 pixels
    wide), which every network reads, unlike WebP; the renditions and their sizes come from
    the cache the page's own <picture> fills. A page without an image shares the portal's.
    `rights` (media.licences.image_rights) adds the image's credit and licence.
    """
    data = picture_data(image) if image else None
    if data:
        shared = {
            "url": _absolute(request, data["src"]),
            "width": data["width"],
            "height": data["height"],
            "alt": alt,
        }
        if rights is not None:
            shared.update(credit=rights.credit, licence_url=rights.licence.url)
        return shared
    path, width, height = DEFAULT_IMAGE
    return {
        "url": _absolute(request, static(path)),
        "width": width,
        "height": height,
        "alt": _("The logo of the portal: snowy peaks, green hills and the sun on dark blue"),
    }


def image_object(image):
    """A shared image as a schema.org ImageObject."""
    data = {
        "@type": "ImageObject",
        "url": image["url"],
        "width": image["width"],
        "height": image["height"],
    }
    if image["alt"]:
        data["caption"] = image["alt"]
    if image.get("credit"):
        data["creditText"] = image["credit"]
    if image.get("licence_url"):
        data["license"] = image["licence_url"]
    return data
