"""Sessions and site visits fall within their meeting's dates, in the database too.

A CHECK constraint cannot look at another table, so triggers hold the rule: on SQLite
and PostgreSQL a session or site visit outside its meeting's dates is refused when it is
written. On PostgreSQL a meeting whose new dates would leave a session or site visit
outside is refused as well, at the end of the transaction, so that an editor may move a
meeting and its programme together in one save.
"""

from django.db import migrations

# (table, date column)
DATED = [("events_session", "day"), ("events_sitevisit", "date")]

SQLITE_FORWARD = [
    statement
    for table, column in DATED
    for event in ("INSERT", f"UPDATE OF {column}, meeting_id")
    for statement in [
        f"""
        CREATE TRIGGER {table}_{column}_within_meeting_{event.split()[0].lower()}
        BEFORE {event} ON {table}
        WHEN NOT EXISTS (
            SELECT 1 FROM events_meeting AS m
            WHERE m.id = NEW.meeting_id AND NEW.{column} BETWEEN m.start_date AND m.end_date
        )
        BEGIN
            SELECT RAISE(ABORT, '{table}.{column} is outside the dates of its meeting');
        END
        """
    ]
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_{column}_within_meeting_{event}"
    for table, column in DATED
    for event in ("insert", "update")
]

POSTGRESQL_FORWARD = [
    *[
        statement
        for table, column in DATED
        for statement in [
            f"""
            CREATE FUNCTION {table}_{column}_within_meeting() RETURNS trigger AS $$
            BEGIN
                IF NOT EXISTS (
                    SELECT 1 FROM events_meeting AS m
                    WHERE m.id = NEW.meeting_id
                    AND NEW.{column} BETWEEN m.start_date AND m.end_date
                ) THEN
                    RAISE EXCEPTION '{table}.{column} % is outside the dates of its meeting',
                        NEW.{column} USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END
            $$ LANGUAGE plpgsql
            """,
            f"""
            CREATE TRIGGER {table}_{column}_within_meeting
            BEFORE INSERT OR UPDATE OF {column}, meeting_id ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_{column}_within_meeting()
            """,
        ]
    ],
    """
    CREATE FUNCTION events_meeting_keeps_its_programme() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (
            SELECT 1 FROM events_session AS s
            WHERE s.meeting_id = NEW.id AND s.day NOT BETWEEN NEW.start_date AND NEW.end_date
        ) OR EXISTS (
            SELECT 1 FROM events_sitevisit AS v
            WHERE v.meeting_id = NEW.id AND v.date NOT BETWEEN NEW.start_date AND NEW.end_date
        ) THEN
            RAISE EXCEPTION 'meeting % would leave sessions or site visits outside its dates',
                NEW.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE CONSTRAINT TRIGGER events_meeting_keeps_its_programme
    AFTER UPDATE OF start_date, end_date ON events_meeting
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION events_meeting_keeps_its_programme()
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS events_meeting_keeps_its_programme ON events_meeting",
    "DROP FUNCTION IF EXISTS events_meeting_keeps_its_programme()",
    *[
        statement
        for table, column in DATED
        for statement in [
            f"DROP TRIGGER IF EXISTS {table}_{column}_within_meeting ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_{column}_within_meeting()",
        ]
    ],
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            # No parameters: the "%" of PL/pgSQL messages is not a placeholder.
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("events", "0002_image_dimensions")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
