"""Whole public pages kept in the shared cache until content changes.

A page is cached only for a visitor with no cookie (so never for editors, previews or a
form with its CSRF token), and only when the response says it may be. The content
version is fixed when the request arrives, and a page is kept with the version it was
made from, under a key of its address and the query parameters it reads; it is served
only while that version is current. Every save or delete of content starts a new
version, and again when its transaction commits, since until then other requests still
read the old content; a page whose version is no longer current once it is rendered is
not kept. A
scheduled item must appear when its time comes: pages are kept no longer than until the
next scheduled publication.

Query parameters: a view reads them with `get()`, `[]`, `getlist()` or `in`, and the cache
notes the names each view reads. Other parameters (`?utm_source=…`) are left out of the key
and hidden from the view, so a page and its address with any number of them added share
one entry, and nothing a visitor adds to the address ends up in a page that others get.

A page whose address holds what a visitor typed (search) is kept only once the worker has
answered the same address before: the words many people look for come from the cache,
words typed once never reach it. Searches read the index, which is written when the
content's transaction has committed; writing it starts a new version too.
"""

import datetime
import functools
import hashlib
import secrets
import threading
from collections import OrderedDict
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import set_response_etag

from publishing.addresses import urlconf_in_use
from publishing.staleness import translations_reviewed
from smolyan_portal.middleware import readable_query

# The content version and the time of the next scheduled publication ("none" when nothing
# is scheduled), in one entry: one read for both with every page, written together.
STATE_KEY = "page-cache:state"
PROBE_KEY = "page-cache:probe"
# When the next scheduled publication is not known (an emptied cache), pages are kept
# this long at most, so a scheduled item is late by no more than this.
UNKNOWN_SCHEDULE_SECONDS = 60
# Addresses each worker remembers of pages kept only once asked again (search).
ASKED_REMEMBERED = 1000
# Paths whose view each worker remembers (those asked for with query parameters).
VIEWS_REMEMBERED = 1024
# Apps whose every model is shown on public pages: a save of any of them renews the pages.
CONTENT_APPS = ("publishing", "partners", "projects", "events", "news", "documents", "knowledge")
# Models of other apps that are shown on public pages ("app_label.model_name").
CONTENT_MODELS = ("smolyan_portal.accessibilitystatement",)

# Set when a new version could not be written (the cache was unreachable during a save):
# the next request tries again, or pages of the old content would come back with the cache.
_change_not_recorded = threading.Event()


def content_state():
    """The current content version and next scheduled publication (None: not known, as
    after the cache was emptied); (None, None) when the cache cannot be reached."""
    state = cache.get(STATE_KEY)
    if state is None:
        cache.add(STATE_KEY, (secrets.token_hex(8), None), None)
        state = cache.get(STATE_KEY)
    return state or (None, None)


def content_version():
    """The current content version; None when the cache cannot be reached."""
    return content_state()[0]


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


def content_changed(using=None, **kwargs):
    """Start a new content version, and another when the saving transaction commits."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return
    _start_new_version()
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(_start_new_version, using=using)


def index_changed(**kwargs):
    """Start a new content version once the written search index is committed.

    Until then every other request reads the index as it was, so a version started at once
    would change nothing for them; it would only cost a second reading of the schedule.
    Outside a transaction, on_commit() runs it at once.
    """
    if settings.PAGE_CACHE_SECONDS > 0:
        transaction.on_commit(_start_new_version)


def _start_new_version():
    # Whether the cache takes writes, asked before the schedule is read: while it does not,
    # every request tries again (PageCacheMiddleware), and must not cost queries each time.
    probe = secrets.token_hex(8)
    cache.set(PROBE_KEY, probe, 60)
    if cache.get(PROBE_KEY) != probe:
        _change_not_recorded.set()
        return
    # The version and the schedule are written together: a request never reads one of
    # them without the other.
    state = (secrets.token_hex(8), next_scheduled_publication() or "none")
    cache.set(STATE_KEY, state, None)
    if cache.get(STATE_KEY) != state:
        _change_not_recorded.set()
        return
    _change_not_recorded.clear()


def is_content(model):
    opts = model._meta
    return opts.app_label in CONTENT_APPS or opts.label_lower in CONTENT_MODELS


def connect_signals():
    from search import indexing

    for model in apps.get_models():
        if is_content(model):
            uid = f"page-cache-{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page-cache-m2m")
    # A review takes an "out of date" notice off the item's pages.
    translations_reviewed.connect(content_changed, dispatch_uid="page-cache-reviewed")
    # The search index is written when the content's transaction commits, after the
    # content's own new version: a search answered in between is not kept past it.
    indexing.index_changed.connect(index_changed, dispatch_uid="page-cache-index")
    # Every deployment runs migrate: pages made by the previous code are not served again.
    post_migrate.connect(_deployed, dispatch_uid="page-cache-deployed")


def _deployed(sender, **kwargs):
    if sender.name == "smolyan_portal":
        content_changed()


def _m2m_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and is_content(type(instance)):
        content_changed(using=using)


def _seconds_to_keep(now, upcoming):
    seconds = settings.PAGE_CACHE_SECONDS
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


class _ReadingQuery(QueryDict):
    """A request's query parameters that note which names the view asks for."""

    names_read = None

    @classmethod
    def of(cls, query_string):
        query = cls(query_string)
        query.names_read = set()
        return query

    def _note(self, name):
        # Copies (for links that change one parameter) are not reads, and note nothing.
        if self.names_read is not None:
            self.names_read.add(name)

    def __getitem__(self, name):
        self._note(name)
        return super().__getitem__(name)

    def __contains__(self, name):
        self._note(name)
        return super().__contains__(name)

    def getlist(self, name, default=None):
        self._note(name)
        return super().getlist(name, default)


class PageCacheMiddleware:
    """Serve an anonymous visitor's GET from the cache; store cacheable answers.

    It stands near the top, inside only the security and conditional-GET middleware, which
    add their headers to every answer, stored or fresh. Sessions, the language, CSRF,
    authentication, messages, the CSP and the sign-in lockout come after it: for a visitor
    without cookies their work is already in the stored answer (its Content-Language, CSP
    and frame headers), so a page found in the cache costs none of it and no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # View name -> the names of the query parameters it has been seen to read.
        self.params_of_view = {}
        # The last addresses answered whose pages are kept only once asked again.
        self.asked, self.asked_lock = OrderedDict(), threading.Lock()

    def __call__(self, request):
        if _change_not_recorded.is_set():
            _start_new_version()
        if not self._may_use_cache(request):
            return self.get_response(request)
        now = timezone.now()
        sent = [(name, request.GET.getlist(name)) for name in sorted(request.GET)]
        view = self._view_name(request) if sent else None
        known = self.params_of_view.get(view, frozenset())
        kept = [(name, values) for name, values in sent if name in known]
        held_back = {name for name, _values in sent} - known
        # One read for both: one round trip to Redis, and the version read with the page.
        key = self._key(request, kept)
        found = cache.get_many([STATE_KEY, key])
        version, upcoming = found.get(STATE_KEY) or (None, None)
        cached = found.get(key)
        if isinstance(upcoming, datetime.datetime) and upcoming <= now:
            content_changed()
            version = None
        if version is None:
            version, upcoming = content_state()
            if version is None:
                return self.get_response(request)
        if cached is not None:
            made_in, response, names_read = cached
            # A page made from other content than today's is never served.
            if made_in == version and not names_read & held_back:
                return response
        while True:
            response, names_read = self._render(request, view, kept)
            if not names_read & held_back:
                break
            # The view reads a parameter it had not been seen to read: render it again
            # with that parameter, so that this visitor gets the page asked for.
            held_back -= names_read
            kept = [(name, values) for name, values in sent if name not in held_back]
        if self._may_store(response):
            key = self._key(request, kept)
            if self._admitted(key, response):
                # Set once here, so that conditional GETs of a stored page need no hashing.
                set_response_etag(response)
                self._store(key, version, response, frozenset(names_read), now)
        return response

    def _render(self, request, view, params):
        """The view's answer when the address holds only `params`, and what it read."""
        query_string = urlencode([(name, value) for name, values in params for value in values])
        query = _ReadingQuery.of(query_string)
        request.GET = query
        request.META["QUERY_STRING"] = query_string
        response = self.get_response(request)
        if view is None:
            view = self._view_name(request)
        self.params_of_view[view] = self.params_of_view.get(view, frozenset()) | frozenset(
            query.names_read
        )
        return response, query.names_read

    def _admitted(self, key, response):
        """Whether to keep this answer: at once, or, for a view that asks for it
        (`publishing.views.kept_once_asked_again`), when this worker answered its address
        before. The addresses are kept here, not in the shared cache, so words typed once
        take no room there."""
        if not getattr(response, "kept_once_asked_again", False):
            return True
        with self.asked_lock:
            if self.asked.pop(key, False):
                return True
            self.asked[key] = True
            if len(self.asked) > ASKED_REMEMBERED:
                self.asked.popitem(last=False)
        return False

    def _store(self, key, version, response, names_read, now):
        current, upcoming = cache.get(STATE_KEY) or (None, None)
        # An edit saved while this page was made may be missing from it.
        if current != version:
            return
        seconds = _seconds_to_keep(now, upcoming)
        if seconds > 0:
            cache.set(key, (version, response, names_read), seconds)

    def _may_use_cache(self, request):
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method != "GET"
            or request.COOKIES
            or request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        ):
            return False
        # An address no person types gets its 400 page from the middleware further in.
        query = request.META.get("QUERY_STRING")
        return not query or readable_query(get_bytes_from_wsgi(request.META, "QUERY_STRING", ""))

    def _may_store(self, response):
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or not getattr(response, "is_rendered", True)
        ):
            return False
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))

    def _view_name(self, request):
        return _view_of(request.path_info, _language(request), urlconf_in_use())

    def _key(self, request, params):
        query = urlencode([(name, value) for name, values in params for value in values])
        url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        if translation.get_language_from_path(request.path_info) is None:
            # Outside the language prefixes the visitor's browser chooses the language.
            url += f"#{_language(request)}"
        return f"page-cache:{hashlib.sha256(url.encode()).hexdigest()}"


@functools.lru_cache(maxsize=VIEWS_REMEMBERED)
def _view_of(path_info, language, urlconf):
    """The name of the view that answers path_info in language; None for no page.

    Worked out for each request with query parameters (which of them the view reads), it
    cost a search kept in the cache a third of its hit; the routes do not change while the
    site runs.
    """
    # The language is not active yet; the translated routes need it to resolve.
    with translation.override(language):
        try:
            return resolve(path_info, urlconf).view_name
        except Resolver404:
            return None


def _language(request):
    """The language LocaleMiddleware will activate for this cookie-less request."""
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)
