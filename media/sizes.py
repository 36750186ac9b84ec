"""File sizes in the page's language: "2,1 КБ" in Bulgarian, "2.1 KB" in English.

Pages write sizes with Django's `filesizeformat`, whose strings come from Django's own
catalogue; its Bulgarian one spells kilobytes with a Latin K ("2,1 KБ") and a byte with a
stray comma. Our catalogue is consulted before Django's, so these strings are listed
here for makemessages to keep them in it, with the Bulgarian units in Cyrillic.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

FILE_SIZE_MESSAGES = (
    ngettext_lazy("%(size)d byte", "%(size)d bytes"),
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
    gettext_noop("%s TB"),
    gettext_noop("%s PB"),
)
