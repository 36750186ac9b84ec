"""The "Editors" group: everything about content, nothing about users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Editors"
ACTIONS = ("add", "change", "delete", "view")
CONTENT_MODELS = {
    "partners": ["partner"],
    "projects": ["project", "participation"],
    "events": ["meeting", "session", "sitevisit"],
    "news": ["article", "articleimage"],
    "documents": ["document"],
}
# Models with the publishing fields; "publish" lets an editor put them on the site.
PUBLISHABLE = {"partner", "project", "meeting", "article", "document"}


def create_editors_group(apps, schema_editor):
    # Permissions are normally made after migrate finishes; the group needs them now.
    for label in CONTENT_MODELS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    permissions = []
    for app_label, models in CONTENT_MODELS.items():
        for model in models:
            content_type = ContentType.objects.get(app_label=app_label, model=model)
            permissions += Permission.objects.filter(
                content_type=content_type,
                codename__in=[
                    f"{action}_{model}" for action in ("add", "change", "delete", "view")
                ],
            )
            if model in PUBLISHABLE:
                publish, _created = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"publish_{model}",
                    defaults={"name": f"Can publish {model}"},
                )
                permissions.append(publish)
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()
    apps.get_model("auth", "Permission").objects.filter(codename__startswith="publish_").filter(
        content_type__app_label__in=list(CONTENT_MODELS)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("partners", "0001_initial"),
        ("projects", "0001_initial"),
        ("events", "0001_initial"),
        ("news", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
