"""Once created triggers that held sessions and site visits within their meeting's dates.

The models hold that rule now (see events/models.py), the same on every database, and
0005_drop_date_triggers removes the triggers from databases that still have them. What
this migration did is kept in the repository's history; it does nothing any more.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0002_image_dimensions")]

    operations = []
