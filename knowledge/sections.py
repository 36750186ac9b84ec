"""What knowledge adds to pages of the apps below it, registered at start-up.

A meeting's sessions show their recorded speakers and leaders and the solutions they are
evidence for; so do its site visits (the solutions); a project's page gains its results
and solutions. Each loader runs a fixed number of queries, whatever the page lists.
"""

from collections import defaultdict

from events.sections import programme_sections
from knowledge.models import Person, Solution
from projects.sections import project_sections

# What a link to a solution shows: its title, in each language, and its address.
SOLUTION_LINK_FIELDS = ("title_bg", "title_en", "slug_bg", "slug_en")


def by_anchor(links, item_of, value_of, prefix):
    found = defaultdict(list)
    for link in links:
        found[f"{prefix}-{item_of(link)}"].append(value_of(link))
    return dict(found)


def people(relation):
    """A loader of the published people linked to sessions through `relation`."""
    through = getattr(Person, relation).through

    def load(sessions, site_visits):
        if not sessions:
            return {}
        order = {session.pk: session.order for session in sessions}
        links = (
            through.objects.filter(session__in=list(order), person__in=Person.objects.published())
            .select_related("person__organisation")
            .order_by("person__name_bg", "pk")
        )
        return by_anchor(
            links, lambda link: order[link.session_id], lambda link: link.person, "session"
        )

    return load


def published_solutions():
    return Solution.objects.published().only(
        "pk", "title_bg", "title_en", "slug_bg", "slug_en", "summary_bg", "summary_en"
    )


def solutions_shown(sessions, site_visits):
    found = {}
    for items, prefix, through, key in (
        (sessions, "session", Solution.sessions.through, "session_id"),
        (site_visits, "visit", Solution.site_visits.through, "sitevisit_id"),
    ):
        if not items:
            continue
        order = {item.pk: item.order for item in items}
        links = (
            through.objects.filter(**{f"{key}__in": list(order)})
            .filter(solution__in=Solution.objects.published())
            .select_related("solution")
            # A link to each solution: its title and address, not its whole text.
            .only(key, "solution", *(f"solution__{name}" for name in SOLUTION_LINK_FIELDS))
            .order_by("solution__title_bg", "pk")
        )
        found |= by_anchor(
            links,
            lambda link, key=key, order=order: order[getattr(link, key)],
            lambda link: link.solution,
            prefix,
        )
    return found


def project_solutions(project):
    solutions = list(published_solutions().filter(projects=project).order_by("title_bg", "pk"))
    return {"project": project, "solutions": solutions} if solutions else None


def register():
    programme_sections.register(
        "knowledge/includes/session_leaders.html", people("led"), slot="led_by"
    )
    programme_sections.register(
        "knowledge/includes/session_speakers.html", people("spoke_at"), slot="speakers"
    )
    programme_sections.register("knowledge/includes/evidence_for.html", solutions_shown, slot="end")
    project_sections.register("knowledge/includes/project_solutions.html", project_solutions)
