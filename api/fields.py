"""The fields every record shares: texts in both languages, addresses, images, references."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from media.licences import image_rights

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def absolute(context, path):
    return context["request"].build_absolute_uri(path)


class TranslatedText(serializers.Serializer):
    """A text in each language; null where it has not been written in that language."""

    bg = serializers.CharField(allow_null=True)
    en = serializers.CharField(allow_null=True)


class LicenceRecord(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField(allow_null=True)


class PageUrls(serializers.Serializer):
    """The record's page on the site, in each language."""

    bg = serializers.URLField()
    en = serializers.URLField()


@extend_schema_field(TranslatedText)
class TranslatedField(serializers.Field):
    """`{"bg": …, "en": …}` from the per-language columns, never a fallback."""

    def __init__(self, name=None, **kwargs):
        self.column = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        column = self.column or self.field_name
        return {code: (getattr(obj, f"{column}_{code}", None) or None) for code in LANGUAGE_CODES}


@extend_schema_field(PageUrls)
class PageUrlsField(serializers.Field):
    """The absolute address of the record's page in each language."""

    def __init__(self, path=None, **kwargs):
        # Another address of the record's than its page, e.g. its calendar file.
        self.path = path or (lambda obj: obj.get_absolute_url())
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        urls = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                urls[code] = absolute(self.context, self.path(obj))
        return urls


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The record's own address in the API, which never changes."""

    def __init__(self, route, **kwargs):
        self.route = route
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return absolute(self.context, reverse(f"api:{self.route}-detail", kwargs={"pk": obj.pk}))


class ImageRecord(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    alt = TranslatedText(help_text="Alt text; null for a decorative image.")
    decorative = serializers.BooleanField()
    credit = TranslatedText()
    licence = LicenceRecord()


class LogoRecord(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)


def translated(obj, column):
    return {code: (getattr(obj, f"{column}_{code}", None) or None) for code in LANGUAGE_CODES}


@extend_schema_field(ImageRecord(allow_null=True))
class ImageField(serializers.Field):
    """An image with its size, alt text, credit and licence; null when there is none."""

    def __init__(self, name, **kwargs):
        self.image = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        file = getattr(obj, self.image)
        if not file:
            return None
        decorative = bool(getattr(obj, f"{self.image}_decorative", False))
        return {
            "url": absolute(self.context, file.url),
            "width": getattr(obj, f"{self.image}_width"),
            "height": getattr(obj, f"{self.image}_height"),
            "alt": dict.fromkeys(LANGUAGE_CODES)
            if decorative
            else translated(obj, f"{self.image}_alt"),
            "decorative": decorative,
            "credit": translated(obj, f"{self.image}_credit"),
            "licence": image_rights(obj, self.image).licence.as_dict(),
        }


@extend_schema_field(LogoRecord(allow_null=True))
class LogoField(serializers.Field):
    """A logo, shown beside its owner's name; its owner's mark, under no licence of ours."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        if not obj.logo:
            return None
        return {
            "url": absolute(self.context, obj.logo.url),
            "width": obj.logo_width,
            "height": obj.logo_height,
        }


class Ref(serializers.Serializer):
    """Another record, by its id and API address, with its name; null unless published."""

    route = None
    name_field = "title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["api_url"] = ApiUrlField(self.route)
        self.fields[self.name_field] = TranslatedField(self.name_field)

    id = serializers.IntegerField()

    def get_attribute(self, instance):
        target = super().get_attribute(instance)
        # A foreign key may point at a draft: a reference never reveals one.
        return target if target is not None and target.is_published else None


class ProjectRef(Ref):
    route = "project"
    acronym = serializers.CharField()


class PartnerRef(Ref):
    route = "partner"
    name_field = "name"


class MeetingRef(Ref):
    route = "meeting"


def choice_labels(choices, value):
    """A choice's label in each language, e.g. a document's kind."""
    labels = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            labels[code] = str(choices(value).label) if value else None
    return labels
