"""sorl-thumbnail is gone (see media/renditions.py); its key-value table goes with it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS thumbnail_kvstore", migrations.RunSQL.noop),
    ]
