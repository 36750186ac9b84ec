"""Saved versions follow a model's renamed fields.

django-reversion stores each version as serialised JSON under the field names of the day,
and skips names the model no longer has when it reads one: after a RenameField, an old
version would revert the renamed field to empty (or fail, for a required one). A migration
that renames fields of a model under revision control runs `rename_in_versions` too.
"""

import json

from django.db import migrations

# The migration that a migration calling rename_in_versions depends on.
REVERSION_MIGRATION = ("reversion", "0002_add_index_on_version_for_content_type_and_db")


def _rename(apps, app_label, model_name, renames):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return  # A new database: no version was ever saved.
    versions = Version.objects.filter(content_type=content_type, format="json")
    for version in versions.iterator():
        objects = json.loads(version.serialized_data)
        for obj in objects:
            fields = obj.get("fields", {})
            for old, new in renames.items():
                if old in fields:
                    fields[new] = fields.pop(old)
        # As Django's JSON serialiser writes it, so that versions stay alike.
        version.serialized_data = json.dumps(objects, ensure_ascii=False)
        version.save(update_fields=["serialized_data"])


def rename_in_versions(app_label, model_name, renames):
    """A migration operation: the saved versions of a model use its fields' new names.

    `renames` maps each old field name to the new one, every language's column included.
    """
    backwards = {new: old for old, new in renames.items()}
    return migrations.RunPython(
        lambda apps, schema_editor: _rename(apps, app_label, model_name, renames),
        lambda apps, schema_editor: _rename(apps, app_label, model_name, backwards),
    )
