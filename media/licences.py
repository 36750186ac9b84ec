"""The licence of the site's content and data, and the credit and licence of an image.

The site states one licence for its texts, images and data (CC BY 4.0 unless
DJANGO_CONTENT_LICENCE names another). An image taken by someone else may come under
its own licence, chosen in the admin and shown under the image with its credit.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    """A licence by its short name and, when it has one, the address of its text."""

    name: str
    url: str = ""

    def as_dict(self):
        return {"name": str(self.name), "url": self.url or None}


def content_licence():
    """The licence of everything on the site that states no other."""
    name, url = settings.CONTENT_LICENCE
    return Licence(name, url)


class ImageLicence(models.TextChoices):
    """Licences an image can come under; left empty, the site's own applies."""

    SITE = "", _("The site's licence")
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    PERMISSION = "permission", _("Used with permission, all rights reserved")


LICENCE_URLS = {
    ImageLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    ImageLicence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    ImageLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


def image_licence(value):
    """The Licence an image's `<image>_licence` field names."""
    if not value:
        return content_licence()
    choice = ImageLicence(value)
    return Licence(choice.label, LICENCE_URLS.get(choice, ""))


@dataclass(frozen=True)
class ImageRights:
    """Who made an image and under which licence it is shown."""

    credit: str
    licence: Licence
    # The language to mark the credit with when it fell back to the default one, else "".
    credit_lang: str
    # Whether the licence was chosen for this image rather than being the site's own.
    own_licence: bool

    @property
    def worth_showing(self):
        """Whether the image needs a line of its own: the footer already states the site's."""
        return bool(self.credit) or self.own_licence


def image_rights(obj, name):
    """The credit (in the active language) and the licence of the image field `name`."""
    value = getattr(obj, f"{name}_licence", "") or ""
    credit = (getattr(obj, f"{name}_credit", "") or "").strip()
    own_text = getattr(obj, f"{name}_credit_{get_language()}", None)
    return ImageRights(
        credit=credit,
        licence=image_licence(value),
        credit_lang=settings.LANGUAGE_CODE if credit and not own_text else "",
        own_licence=bool(value),
    )
