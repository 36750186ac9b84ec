"""The admin site of the portal: its index starts with the content editors work on.

Django lists the apps in alphabetical order of their names in the language of the page,
so the sign-in lockout (Axes) and the users came first in English and in Bulgarian alike.
Here the content comes first, in the order editors think of it, the portal's own pages
after it, and the apps that look after the site itself last, shown only to
administrators. The sidebar of every admin page follows the same order.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import path
from django.utils.translation import gettext_noop

# The button under a table of a meeting's sessions or visits. Django's Bulgarian words for
# it agree with masculine names only ("Добави друг Сесия"); ours, kept in our catalogue by
# this line, read right with every name, and Django consults our catalogue first.
INLINE_ADD_TEXT = gettext_noop("Add another %(verbose_name)s")

# Content first, as an editor follows it: what happened, then who and what it belongs to.
APP_ORDER = ["news", "events", "documents", "knowledge", "projects", "partners", "smolyan_portal"]
MODEL_ORDER = {"events": ["meeting", "session", "sitevisit"]}
# Looked after by administrators, never by editors: users, groups, the sign-in lockout,
# the records of background tasks (image renditions).
SYSTEM_APPS = {"auth", "axes", "django_tasks_database"}


def _app_position(app):
    label = app["app_label"]
    if label in SYSTEM_APPS:
        return (2, label)
    if label in APP_ORDER:
        return (0, APP_ORDER.index(label))
    return (1, label)


def _model_position(app_label, model):
    order = MODEL_ORDER.get(app_label, [])
    name = model["object_name"].lower()
    return (order.index(name) if name in order else len(order), str(model["name"]))


class PortalAdminSite(admin.AdminSite):
    # The sidebar repeats the index on every page and takes a fifth of a laptop screen
    # from the lists; the breadcrumbs lead back to the index.
    enable_nav_sidebar = False

    def get_urls(self):
        from smolyan_portal.admin_language import set_admin_language

        return [
            path("language/", self.admin_view(set_admin_language), name="language"),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        apps = [
            app
            for app in super().get_app_list(request, app_label)
            if app["app_label"] not in SYSTEM_APPS or request.user.is_superuser
        ]
        for app in apps:
            app["models"].sort(
                key=lambda model, label=app["app_label"]: _model_position(label, model)
            )
        return sorted(apps, key=_app_position)


class PortalAdminConfig(AdminConfig):
    default_site = "smolyan_portal.admin_site.PortalAdminSite"
