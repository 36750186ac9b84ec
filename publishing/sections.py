"""Sections that an app adds to a page of an app below it, declared at start-up.

An app may not import the apps above it, yet some of its pages show what those apps hold
(a project's solutions). The lower app offers a `PageSections` for the page; the higher
app registers a template and a loader into it in `AppConfig.ready()`. The page calls
`collect()` and includes each section's template with the section's data: the lower app
names neither the higher app's models nor its template tags.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A template and the data its loader found for one page."""

    template: str
    data: object
    slot: str = ""


@dataclass(frozen=True)
class Provider:
    template: str
    load: object
    slot: str = ""


class PageSections:
    """The sections registered for one kind of page, in the order they were registered.

    `load` takes what the page passes to `collect()` and returns the section's data, or
    something false when it has nothing to show. A loader runs a fixed number of queries,
    whatever the page lists: the pages' query budgets hold with it.
    """

    def __init__(self, slots=("",)):
        self.slots = tuple(slots)
        self.providers = []

    def register(self, template, load, slot=""):
        if slot not in self.slots:
            raise ValueError(f"Unknown slot {slot!r}; this page offers {self.slots}.")
        self.providers.append(Provider(template, load, slot))

    def collect(self, *args):
        sections = []
        for provider in self.providers:
            data = provider.load(*args)
            if data:
                sections.append(Section(provider.template, data, provider.slot))
        return sections
