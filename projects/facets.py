"""The project filter that the lists of news, documents, solutions and topics share."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy

from projects.models import Project
from publishing.lists import Facet, translated_options


def project_facet(items=None, field=""):
    """A filter by project: each published project with one of `items` (a queryset of
    published items, linked to their projects by `field`), or every published project.

    A project is named by its acronym when it has one, else by its title in the page's
    language. Each project is checked for one item through the index of the link: a join
    of every item, made distinct, would read them all.
    """
    projects = Project.objects.published()
    if items is not None:
        projects = projects.filter(Exists(items.filter(**{field: OuterRef("pk")})))
    return Facet(
        "project",
        gettext_lazy("Project"),
        field,
        translated_options(projects, "title", shown_first="acronym"),
    )
