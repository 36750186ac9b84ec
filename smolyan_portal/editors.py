"""The "Editors" group: everything about content, nothing about users or groups.

Set up after every migrate, so a content model added later joins the group by being in
one of CONTENT_APPS; each model's own permissions (add, change, delete, view, and the
ones its Meta declares, such as publish) are granted.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions

GROUP_NAME = "Editors"
CONTENT_APPS = ("partners", "projects", "events", "news", "documents", "knowledge")


def set_up_editors_group(using="default", **kwargs):
    """Create the group if needed and grant it every permission of the content models."""
    if not apps.is_installed("django.contrib.auth"):
        return
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    configs = [apps.get_app_config(label) for label in CONTENT_APPS]
    for config in configs:
        # Permissions are made per app after its migrations; make sure they exist now.
        create_permissions(config, verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(content_type__app_label__in=CONTENT_APPS)
    group, _created = Group.objects.using(using).get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)
