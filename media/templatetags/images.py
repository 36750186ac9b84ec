"""Images in templates: `{% picture image alt=... sizes=... loading=... css_class=... %}`."""

from django import template

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
