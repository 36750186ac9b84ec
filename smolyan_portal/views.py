"""Site-wide views: home, accessibility statement, privacy notice, error pages."""

import hashlib
import math
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django.views.generic.edit import FormMixin

from api.errors import is_api_request, not_found_response
from events.models import Meeting
from knowledge.models import Solution
from news.models import Article
from partners.models import Partner, PartnerKind
from projects.models import Project
from projects.views import published_partner_count
from publishing.collation import by_name
from smolyan_portal import mail
from smolyan_portal.forms import FeedbackForm
from smolyan_portal.models import FEEDBACK_RETENTION_MONTHS, AccessibilityStatement

# Partner cities the home page names; a larger network names those in the most projects
# and links to the rest, so that the page stays one screen of cities and costs the same.
HOME_PARTNER_CITIES = 24
# Projects the home page shows as cards, the newest; "All projects" links to the rest.
HOME_PROJECTS = 6
# Enough for a visitor with several problems to report, too few to flood the admin.
FEEDBACK_LIMIT_PER_HOUR = 5
FEEDBACK_LIMIT_WINDOW = 60 * 60


class HomeView(TemplateView):
    """What the portal is, with the latest news, meetings, projects and partners."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        meetings = (
            Meeting.objects.published()
            .select_related("host", "project")
            .for_lists(host=Partner, project=Project)
        )
        # The next meeting is what a partner looks for; between meetings, the latest one.
        next_meeting = meetings.upcoming().first()
        partners = Partner.objects.published()
        cities = partners.filter(kind=PartnerKind.CITY)
        # Counted by the database: a network of hundreds is three numbers and some cities.
        network = partners.aggregate(
            partner_count=Count("pk"),
            country_count=Count("country", distinct=True),
            city_count=Count("pk", filter=Q(kind=PartnerKind.CITY)),
        )
        if network["city_count"] > HOME_PARTNER_CITIES:
            in_projects = Count(
                "participations", filter=Q(participations__project__in=Project.objects.published())
            )
            cities = cities.alias(project_count=in_projects).order_by("-project_count", "pk")
        return super().get_context_data(
            latest_articles=list(
                Article.objects.published()
                .for_lists()
                .prefetch_related(
                    Prefetch("projects", queryset=Project.objects.published().for_lists())
                )[:3]
            ),
            featured_meeting=next_meeting or meetings.past().first(),
            featured_is_next=next_meeting is not None,
            # Counted as on the projects list, so a project's card reads the same on both.
            projects=list(
                Project.objects.published()
                .for_lists()
                .annotate(partner_count=published_partner_count())[:HOME_PROJECTS]
            ),
            partner_cities=by_name(cities.for_lists()[:HOME_PARTNER_CITIES]),
            **network,
            # What the projects learned: the newest solution cards.
            solutions=list(Solution.objects.published().for_lists()[:3]),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class AccessibilityView(FormMixin, TemplateView):
    """The accessibility statement and its feedback form, the one public form that posts."""

    template_name = "accessibility.html"
    form_class = FeedbackForm

    def get_initial(self):
        # The page a visitor came from is most likely the one with the problem.
        referer = urlsplit(self.request.headers.get("Referer", ""))
        if referer.netloc == self.request.get_host() and referer.path != self.request.path:
            return {"page_url": referer.path[:500]}
        return {}

    def get_context_data(self, limit_reached=False, **kwargs):
        return super().get_context_data(
            statement=AccessibilityStatement.current(),
            sent="sent" in self.request.GET,
            limit_reached=limit_reached,
            feedback_retention_months=FEEDBACK_RETENTION_MONTHS,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        key = self._rate_key()
        # add() starts the hour's window; incr() counts within it.
        cache.add(key, 0, FEEDBACK_LIMIT_WINDOW)
        try:
            count = cache.incr(key)
        except ValueError:  # the window closed between add() and incr()
            cache.set(key, 1, FEEDBACK_LIMIT_WINDOW)
            count = 1
        if count > FEEDBACK_LIMIT_PER_HOUR:
            form.add_error(
                None,
                _(
                    "You have sent several messages in the last hour, the most we accept. "
                    "Please try again later, or write to us by e-mail."
                ),
            )
            return self.render_to_response(
                self.get_context_data(form=form, limit_reached=True), status=429
            )
        feedback = form.save(commit=False)
        feedback.language = get_language()
        feedback.save()
        transaction.on_commit(lambda: notify_of_feedback(request, feedback))
        return HttpResponseRedirect(f"{reverse('accessibility')}?sent=1#feedback")

    def _rate_key(self):
        # Only a hash of the address is kept, and only in the cache, for one hour.
        address = self.request.META.get("REMOTE_ADDR", "")
        return "feedback-rate:" + hashlib.sha256(address.encode()).hexdigest()[:32]


class PrivacyView(TemplateView):
    """What the portal keeps about its visitors, and for how long."""

    template_name = "privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**privacy_context(), **kwargs)


def privacy_context():
    """What the privacy notice states, for its page and for the search index."""
    return {
        "feedback_retention_months": FEEDBACK_RETENTION_MONTHS,
        "feedback_limit_hours": FEEDBACK_LIMIT_WINDOW // 3600,
        "server_log_days": settings.PORTAL_SERVER_LOG_DAYS,
        # Searches asked more than once are kept in the page cache (page_cache.py).
        "search_cache_minutes": math.ceil(max(settings.PAGE_CACHE_SECONDS, 0) / 60),
    }


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    if is_api_request(request):
        return not_found_response()
    return defaults.page_not_found(request, exception, template_name="404.html")


def notify_of_feedback(request, feedback):
    """Tell the team that a visitor wrote; the message is stored whether or not mail works."""
    recipients = settings.FEEDBACK_NOTIFY_EMAILS
    if not recipients:
        return
    admin_url = request.build_absolute_uri(
        reverse("admin:smolyan_portal_feedback_change", args=[feedback.pk])
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Accessibility feedback: %(summary)s") % {"summary": feedback}
        body = render_to_string(
            "emails/feedback_notification.txt", {"feedback": feedback, "admin_url": admin_url}
        )
    # A hung mail server must not keep the visitor from the thank-you page.
    mail.send_in_background(str(subject), body, recipients, f"feedback #{feedback.pk}")


def csrf_failure(request, reason=""):
    """A form sent without its security token, most often from a page left open too long."""
    # The typed message is shown back, so that nothing is lost; it is escaped like any text.
    unsent = request.POST.get("message", "")[:5000] if request.method == "POST" else ""
    response = render(request, "403_csrf.html", {"unsent_message": unsent}, status=403)
    add_never_cache_headers(response)
    return response
