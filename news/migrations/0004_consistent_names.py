"""An image's fields are named after it: cover_image_alt, image_alt, image_decorative."""

from django.db import migrations

from publishing.revisions import REVERSION_MIGRATION, rename_in_versions

COVER = {
    "cover_alt": "cover_image_alt",
    "cover_alt_bg": "cover_image_alt_bg",
    "cover_alt_en": "cover_image_alt_en",
    "cover_decorative": "cover_image_decorative",
}
GALLERY = {
    "alt": "image_alt",
    "alt_bg": "image_alt_bg",
    "alt_en": "image_alt_en",
    "decorative": "image_decorative",
}


class Migration(migrations.Migration):
    dependencies = [("news", "0003_publish_permission"), REVERSION_MIGRATION]

    operations = [
        *[
            migrations.RenameField(model_name="article", old_name=old, new_name=new)
            for old, new in COVER.items()
        ],
        rename_in_versions("news", "article", COVER),
        *[
            migrations.RenameField(model_name="articleimage", old_name=old, new_name=new)
            for old, new in GALLERY.items()
        ],
        rename_in_versions("news", "articleimage", GALLERY),
    ]
