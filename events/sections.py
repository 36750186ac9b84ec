"""What apps above events add to a meeting's programme, session by session.

A loader registered here takes the page's sessions and site visits and returns, for each
item that has something to show, `{item.anchor: data}`; its template is included in the
item with `data`. Slots say where: beside the partners who led a session (`led_by`),
among its speakers (`speakers`, as list items), or at the end of a session or site
visit (`end`).
"""

from publishing.sections import PageSections

programme_sections = PageSections(slots=("led_by", "speakers", "end"))


def attach(sessions, site_visits):
    """Give each session and site visit `notes`: {slot: [Section with its own data]}."""
    found = programme_sections.collect(sessions, site_visits)
    for item in [*sessions, *site_visits]:
        item.notes = {}
        for section in found:
            if item.anchor in section.data:
                note = type(section)(section.template, section.data[item.anchor], section.slot)
                item.notes.setdefault(section.slot, []).append(note)
