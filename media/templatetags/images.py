"""Images in templates: `{% picture image alt=... sizes=... loading=... css_class=... %}`."""

from django import template
from django.utils.html import format_html

from media.licences import image_rights
from media.renditions import picture_data

register = template.Library()


@register.inclusion_tag("media/picture.html")
def picture(image, alt="", sizes="100vw", loading="lazy", css_class=""):
    """A <picture>: WebP renditions in a few widths, the original format as fallback.

    `alt` is "" for a decorative image; `sizes` tells the browser how wide the image is
    shown (e.g. "(min-width: 60rem) 30rem, 100vw"); `loading` is "eager" for an image on
    the first screen, every other one loads lazily.
    """
    data = picture_data(image) if image else None
    if not data:
        return {"image": None}
    return {
        "image": image,
        "alt": alt,
        "sizes": sizes or "100vw",
        "lazy": loading != "eager",
        "css_class": css_class,
        **data,
    }


@register.filter
def rights_of(obj, name):
    """The credit and licence of an image field: `{% with r=obj|rights_of:"image" %}`."""
    return image_rights(obj, name)


@register.filter
def licence_link(licence):
    """A licence's name, linked to its text when it has one."""
    if licence.url:
        return format_html('<a href="{}" rel="license">{}</a>', licence.url, licence.name)
    return licence.name


@register.simple_tag
def largest_rendition(image):
    """The address of an image's widest rendition: a link that opens the picture large."""
    data = picture_data(image) if image else None
    if not data:
        return ""
    if data["srcset"]:
        # The srcset lists the widths in ascending order: "url 480w, …, url 1600w".
        return data["srcset"].rsplit(", ", 1)[-1].rsplit(" ", 1)[0]
    return data["src"]
