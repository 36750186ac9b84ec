"""Images in templates: `{% picture image alt=... sizes=... loading=... %}`."""

from django import template

register = template.Library()


@register.inclusion_tag("publishing/picture.html")
def picture(image, alt="", sizes="100vw", loading="lazy", css_class=""):
    """An <img> for an uploaded image, with its intrinsic width and height.

    `alt` is "" for a decorative image; `loading` is "eager" for an image on the
    first screen.
    """
    if not image:
        return {"image": None}
    try:
        width, height = image.width, image.height
    except (OSError, ValueError):
        return {"image": None}
    return {
        "image": image,
        "alt": alt,
        "sizes": sizes,
        "loading": loading,
        "css_class": css_class,
        "width": width,
        "height": height,
    }
