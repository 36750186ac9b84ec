"""Whole public pages kept in the shared cache until content changes.

A page is cached only for a visitor with no cookie (so never for editors, previews or a
form with its CSRF token), only when the response says it may be, and under a key that
holds a content version: every save or delete of content starts a new version, so all
app servers sharing the cache see an edit at once. A scheduled item must appear when its
time comes: pages are kept no longer than until the next scheduled publication.
"""

import datetime
import hashlib
import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone

VERSION_KEY = "page-cache:version"
NEXT_PUBLICATION_KEY = "page-cache:next-publication"
# When the next scheduled publication is not known (an emptied cache), pages are kept
# this long at most, so a scheduled item is late by no more than this.
UNKNOWN_SCHEDULE_SECONDS = 60
CONTENT_APPS = {"publishing", "partners", "projects", "events", "news", "documents"}
CONTENT_MODELS_OF_PORTAL = {"accessibilitystatement"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), None)
        version = cache.get(VERSION_KEY)
    return version


def next_scheduled_publication():
    """The earliest future publication time of any content, or None."""
    from publishing.models import Publishable

    moments = []
    for model in apps.get_models():
        if issubclass(model, Publishable):
            moment = (
                model.objects.scheduled()
                .order_by("published_at")
                .values_list("published_at", flat=True)
            ).first()
            if moment is not None:
                moments.append(moment)
    return min(moments, default=None)


def content_changed(**kwargs):
    """Start a new content version and note when the next scheduled item appears."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return
    cache.set(VERSION_KEY, secrets.token_hex(8), None)
    cache.set(NEXT_PUBLICATION_KEY, next_scheduled_publication() or "none", None)


def is_content(model):
    opts = model._meta
    return opts.app_label in CONTENT_APPS or (
        opts.app_label == "smolyan_portal" and opts.model_name in CONTENT_MODELS_OF_PORTAL
    )


def connect_signals():
    for model in apps.get_models():
        if is_content(model):
            uid = f"page-cache-{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page-cache-m2m")
    # Every deployment runs migrate: pages made by the previous code are not served again.
    post_migrate.connect(_deployed, dispatch_uid="page-cache-deployed")


def _deployed(sender, **kwargs):
    if sender.name == "smolyan_portal":
        content_changed()


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_content(type(instance)):
        content_changed()


def _seconds_to_keep(now):
    seconds = settings.PAGE_CACHE_SECONDS
    upcoming = cache.get(NEXT_PUBLICATION_KEY)
    if upcoming is None:
        return min(seconds, UNKNOWN_SCHEDULE_SECONDS)
    if isinstance(upcoming, datetime.datetime):
        until = int((upcoming - now).total_seconds())
        if until <= 0:
            # Its time has come: what was cached before must not be served any more.
            content_changed()
            return 0
        return min(seconds, until)
    return seconds


class PageCacheMiddleware:
    """Serve an anonymous visitor's GET from the cache; store cacheable answers.

    It stands inside the locale, session and security middleware, which add their headers
    on every answer, and outside CSRF, authentication and CSP, whose work is in the stored
    answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        now = timezone.now()
        upcoming = cache.get(NEXT_PUBLICATION_KEY)
        if isinstance(upcoming, datetime.datetime) and upcoming <= now:
            content_changed()
        key = self._key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self._may_store(response):
            seconds = _seconds_to_keep(now)
            if seconds > 0:
                if hasattr(response, "render") and callable(response.render):
                    response.add_post_render_callback(
                        lambda rendered: cache.set(self._key(request), rendered, seconds)
                    )
                else:
                    cache.set(key, response, seconds)
        return response

    def _may_use_cache(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and not request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        )

    def _may_store(self, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))

    def _key(self, request):
        url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"page-cache:{content_version()}:{hashlib.sha256(url.encode()).hexdigest()}"
