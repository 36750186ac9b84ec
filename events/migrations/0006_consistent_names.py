"""One name for each thing: an image's fields are named after it; a session has a date,
as a site visit does. Saved versions are renamed with the columns."""

from django.db import migrations, models

from publishing.revisions import REVERSION_MIGRATION, rename_in_versions

COVER = {
    "cover_alt": "cover_image_alt",
    "cover_alt_bg": "cover_image_alt_bg",
    "cover_alt_en": "cover_image_alt_en",
    "cover_decorative": "cover_image_decorative",
}


class Migration(migrations.Migration):
    dependencies = [("events", "0005_drop_date_triggers"), REVERSION_MIGRATION]

    operations = [
        *[
            migrations.RenameField(model_name="meeting", old_name=old, new_name=new)
            for old, new in COVER.items()
        ],
        rename_in_versions("events", "meeting", COVER),
        migrations.RenameField(model_name="session", old_name="day", new_name="date"),
        migrations.AlterField(
            model_name="session",
            name="date",
            field=models.DateField(
                help_text="A day within the meeting's dates.", verbose_name="date"
            ),
        ),
        rename_in_versions("events", "session", {"day": "date"}),
    ]
