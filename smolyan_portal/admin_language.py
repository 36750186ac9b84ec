"""The BG/EN switch in the admin's header, remembered with each member of staff's account.

The choice is stored in the database, so it follows the person to another browser, and
copied into the session, so a page of the admin costs no query to know it.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from smolyan_portal.models import AdminLanguage

SESSION_KEY = "admin_language"


def chosen_language(request):
    """The language the signed-in member of staff chose for the admin, or ""."""
    if SESSION_KEY not in request.session:
        choice = AdminLanguage.objects.filter(user=request.user).values_list("language").first()
        request.session[SESSION_KEY] = choice[0] if choice else ""
    return request.session[SESSION_KEY]


class AdminLanguageChoiceMiddleware:
    """Serve the admin in the language its user chose. Goes after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        # The path first: asking for the user reads the session, and a public page that
        # did so would vary by cookie and stop being cacheable.
        if (
            request.path_info.startswith(reverse("admin:index"))
            and request.user.is_authenticated
            and request.user.is_staff
            and (language := chosen_language(request)) in self.codes
        ):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


@require_POST
def set_admin_language(request):
    """Remember the language chosen in the header, then go back to the page it was chosen on."""
    language = request.POST.get("language", "")
    if language in {code for code, _name in settings.LANGUAGES}:
        AdminLanguage.objects.update_or_create(user=request.user, defaults={"language": language})
        request.session[SESSION_KEY] = language
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("admin:index")
    return HttpResponseRedirect(target)
