"""The demo loader's steps for topics' links, the one person and the solutions."""

from knowledge.models import Person, Replication, Solution, Topic

from .knowledge import PERSON, SOLUTIONS, TOPIC_LINKS

LINKS = ("topics", "projects", "organisations", "contact_partners", "sessions", "site_visits")
LINKS += ("documents", "replications")


class KnowledgeSteps:
    """Mixed into the DemoLoader: uses its partners, projects, _save, _ensure and _count."""

    def load_knowledge(self, meeting, article, published):
        self.topics = {topic.slug_bg: topic for topic in Topic.objects.all()}
        self.load_person(meeting, published)
        if self.load_solutions(meeting, article, published):
            self.load_topic_links(meeting)

    def load_person(self, meeting, published):
        fields = {
            key: value for key, value in PERSON.items() if key not in {"organisation", "spoke_at"}
        }

        def build():
            return Person(**fields, **published, organisation=self.partners[PERSON["organisation"]])

        person, created = self._ensure(Person, {"name_bg": PERSON["name_bg"]}, build)
        if created:
            person.spoke_at.set(meeting.sessions.filter(order__in=PERSON["spoke_at"]))
        self._count("People", [(person, created)])

    def load_solutions(self, meeting, article, published):
        results = []
        for data in SOLUTIONS:
            fields = {key: value for key, value in data.items() if key not in LINKS}
            solution, created = self._ensure(
                Solution,
                {"slug_bg": data["slug_bg"]},
                lambda fields=fields: Solution(**fields, **published),
            )
            if created:
                self.link_solution(solution, data, meeting, article)
            results.append((solution, created))
        self._count("Solutions", results)
        return any(created for _solution, created in results)

    def link_solution(self, solution, data, meeting, article):
        # A seeded topic an editor has since removed is left out, not an error.
        solution.topics.set(
            self.topics[slug] for slug in data.get("topics", []) if slug in self.topics
        )
        solution.projects.set(self.projects[slug] for slug in data.get("projects", []))
        for name in ("organisations", "contact_partners"):
            getattr(solution, name).set(self.partners[slug] for slug in data.get(name, []))
        solution.sessions.set(meeting.sessions.filter(order__in=data.get("sessions", [])))
        solution.site_visits.set(meeting.site_visits.filter(order__in=data.get("site_visits", [])))
        solution.documents.set(meeting.documents.filter(title_bg__in=data.get("documents", [])))
        solution.articles.set([article])
        for city, status in data.get("replications", []):
            self._save(Replication(solution=solution, city=self.partners[city], status=status))

    def load_topic_links(self, meeting):
        """What else the topics gather; made with the solutions, so a second run adds nothing."""
        for slug, links in TOPIC_LINKS.items():
            topic = self.topics.get(slug)
            if topic is None:
                continue
            topic.projects.add(*(self.projects[project] for project in links.get("projects", [])))
            topic.sessions.add(*meeting.sessions.filter(order__in=links.get("sessions", [])))
            if links.get("meeting"):
                topic.meetings.add(meeting)
