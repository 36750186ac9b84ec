"""Drop the triggers that 0003_dates_within_meeting once created, where they exist."""

from django.db import migrations

DROP = {
    "sqlite": [
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "events_session_day_within_meeting_insert",
            "events_session_day_within_meeting_update",
            "events_sitevisit_date_within_meeting_insert",
            "events_sitevisit_date_within_meeting_update",
        )
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS events_meeting_keeps_its_programme ON events_meeting",
        "DROP FUNCTION IF EXISTS events_meeting_keeps_its_programme()",
        "DROP TRIGGER IF EXISTS events_session_day_within_meeting ON events_session",
        "DROP FUNCTION IF EXISTS events_session_day_within_meeting()",
        "DROP TRIGGER IF EXISTS events_sitevisit_date_within_meeting ON events_sitevisit",
        "DROP FUNCTION IF EXISTS events_sitevisit_date_within_meeting()",
    ],
}


def drop_triggers(apps, schema_editor):
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("events", "0004_publish_permission")]

    operations = [migrations.RunPython(drop_triggers, migrations.RunPython.noop)]
