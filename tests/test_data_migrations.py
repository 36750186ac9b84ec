"""Every migration that moves data is taken back and forward again on a copy of the demo
content, and the content comes through unchanged.

At each step the saved versions (django-reversion keeps each as JSON under the field names
of its day) must still hold a value for every field the models have at that step: a rename
that forgot its versions, forward or backward, leaves versions that revert to empty fields.
"""

import importlib
import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import RunPython, RunSQL, SeparateDatabaseAndState

from smolyan_portal.backup import database

# Our own apps: the migrations of installed packages are theirs to test.
FIRST_PARTY = {
    config.label for config in apps.get_app_configs() if "site-packages" not in config.path
}


def moves_data(operation):
    if isinstance(operation, SeparateDatabaseAndState):
        return any(moves_data(inner) for inner in operation.database_operations)
    return isinstance(operation, RunPython | RunSQL)


def data_migrations(executor):
    """(app, name) of every first-party migration that runs code or SQL, newest last."""
    graph = executor.loader.graph
    found = [
        key
        for leaf in graph.leaf_nodes()
        for key in graph.forwards_plan(leaf)
        if key[0] in FIRST_PARTY and any(map(moves_data, graph.nodes[key].operations))
    ]
    return list(dict.fromkeys(found))


def step_before(executor, key):
    """The migrate target that leaves `key` and everything after it unapplied."""
    app_label, _name = key
    parents = [p for p in executor.loader.graph.node_map[key].parents if p.key[0] == app_label]
    return (app_label, parents[0].key[1] if parents else None)


def content():
    """Every row the demo made, table by table, and each saved version's data."""
    tables = set(connection.introspection.table_names())
    rows = {}
    with connection.cursor() as cursor:
        for label, table in database.model_tables().items():
            if table in tables and label.split(".")[0] in FIRST_PARTY:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                rows[label] = cursor.fetchone()[0]
        cursor.execute("SELECT id, serialized_data FROM reversion_version ORDER BY id")
        # Parsed: a rename moves a field to the end of its object, which changes nothing.
        versions = [(pk, json.loads(data)) for pk, data in cursor.fetchall()]
    return rows, versions


def fields_versions_lack(executor, at):
    """Fields of the models at migration state `at` that a saved version has no value for.

    Reverting such a version would empty the field. (A version may hold more: reversion
    skips names a model does not have.)
    """
    models = executor.loader.project_state(at).apps
    lacking = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT serialized_data FROM reversion_version")
        for (data,) in cursor.fetchall():
            for obj in json.loads(data):
                try:
                    opts = models.get_model(obj["model"])._meta
                except LookupError:
                    continue  # A model that does not exist yet at this step: nothing reverts it.
                # As Django's serialiser writes them: no many-to-many with a model of its own.
                fields = [f for f in opts.local_fields if f.serialize] + [
                    f for f in opts.local_many_to_many if f.remote_field.through._meta.auto_created
                ]
                lacking += [
                    f"{obj['model']}.{f.name}" for f in fields if f.name not in obj["fields"]
                ]
    return sorted(set(lacking))


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.mark.django_db(transaction=True)
def test_each_data_migration_goes_back_and_forward_on_the_demo_content():
    # A freshly migrated database, as the demo is loaded into: an earlier test that
    # committed may have emptied what the migrations wrote.
    importlib.import_module(
        "smolyan_portal.migrations.0002_initial_accessibility_statement"
    ).create_statement(apps, None)
    importlib.import_module("knowledge.migrations.0002_seed_topics").create_topics(apps, None)
    call_command("load_demo", stdout=io.StringIO())
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    moving = data_migrations(executor)
    assert ("events", "0006_consistent_names") in moving
    before = content()
    assert before[0]["news.article"] > 0 and before[1]

    for key in reversed(moving):
        target = step_before(executor, key)
        executor = migrate([target])
        assert key not in executor.loader.applied_migrations
        applied = list(executor.loader.applied_migrations)
        assert fields_versions_lack(executor, applied) == [], f"back before {key}"
        executor = migrate(latest)
        assert fields_versions_lack(executor, latest) == [], f"forward again over {key}"
        assert content() == before, f"the content changed going back before {key} and forward"
