"""The lines that answer questions later: one per request, and the audit of sign-ins and of
what editors changed in the admin.

A request's line gives its method, path (without the query string, which may hold a
visitor's search words), status, duration, the visitor's network (smolyan_portal.logs.
truncate_address) and an id that the answer carries as X-Request-ID, so a visitor or a
proxy log can point at it. The id also marks every other line the request writes, errors
included.
"""

import logging
import re
import time
import uuid

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy

from smolyan_portal.logs import request_id, truncate_address

logger = logging.getLogger("smolyan_portal.requests")
audit = logging.getLogger("smolyan_portal.audit")

HEADER = "X-Request-ID"
# What our own proxy may hand on as the id (nginx's $request_id, Caddy's UUID): nothing
# that could break a log line.
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{7,127}$")
# Probes come every few seconds; their answers are logged only when something is wrong.
PROBES = ("/livez", "/healthz")


class RequestLogMiddleware:
    """Give each request an id, answer with it, and log the request once it is answered.

    The first middleware, so its duration covers all the others and its id marks every line
    they write. The id a proxy of ours sent is kept (DJANGO_PROXY_HOPS of 1 or more), so its
    access log and ours name a request alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trust_header = settings.PROXY_HOPS >= 1

    def __call__(self, request):
        sent = request.headers.get(HEADER, "") if self.trust_header else ""
        request.request_id = sent if ACCEPTED_ID.match(sent) else uuid.uuid4().hex
        token = request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            self._log(request, response.status_code, time.perf_counter() - started)
            return response
        finally:
            request_id.reset(token)

    def _log(self, request, status, seconds):
        quiet = request.path.rstrip("/") in PROBES and status < 400
        duration_ms = round(seconds * 1000, 1)
        logger.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s %sms",
            request.method,
            request.path,
            status,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,
                "status": status,
                "duration_ms": duration_ms,
                "client": truncate_address(request.META.get("REMOTE_ADDR")),
            },
        )


def _client(request):
    return truncate_address(request.META.get("REMOTE_ADDR")) if request is not None else None


def _signed_in(sender, request, user, **kwargs):
    audit.info(
        "sign-in of %s",
        user.get_username(),
        extra={
            "event": "sign_in",
            "user_id": user.pk,
            "username": user.get_username(),
            "client": _client(request),
        },
    )


def _sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit.warning(
        "failed sign-in as %s",
        username,
        extra={"event": "sign_in_failed", "username": username, "client": _client(request)},
    )


def _locked_out(sender, request, username, ip_address, **kwargs):
    audit.warning(
        "sign-in locked out for %s",
        username,
        extra={
            "event": "sign_in_locked_out",
            "username": username,
            "client": truncate_address(ip_address),
        },
    )


ACTIONS = {1: "added", 2: "changed", 3: "deleted"}


def _admin_change(sender, instance, created, **kwargs):
    """Each entry of the admin's history as it is written: who, what, which item."""
    if not created:
        return
    _log_change(
        instance.user,
        ACTIONS.get(instance.action_flag, "changed"),
        instance.content_type,
        instance.object_id,
        instance.get_change_message(),
    )


def _log_change(user, action, content_type, object_id, details=""):
    model = f"{content_type.app_label}.{content_type.model}"
    audit.info(
        "admin: %s %s %s %s",
        user.get_username(),
        action,
        model,
        object_id,
        extra={
            "event": "admin_change",
            "action": action,
            "model": model,
            "object_id": str(object_id),
            "user_id": user.pk,
            "username": user.get_username(),
            "details": str(details),
        },
    )


@admin.action(
    permissions=["delete"], description=gettext_lazy("Delete selected %(verbose_name_plural)s")
)
def audited_delete_selected(modeladmin, request, queryset):
    """The admin's "delete selected" action, with a line for each item it deletes.

    Django writes the history of a deletion of several items in one bulk insert, which
    sends no signal for `_admin_change` to hear.
    """
    from django.contrib.contenttypes.models import ContentType

    chosen = list(queryset.values_list("pk", flat=True))
    response = delete_selected(modeladmin, request, queryset)
    # No response: the deletion was confirmed and done (otherwise the confirmation page).
    if response is None and request.POST.get("post"):
        content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
        for pk in chosen:
            if not queryset.model._base_manager.filter(pk=pk).exists():
                _log_change(request.user, "deleted", content_type, pk)
    return response


def connect_signals():
    from axes.signals import user_locked_out
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.signals import user_logged_in, user_login_failed

    user_logged_in.connect(_signed_in, dispatch_uid="audit-sign-in")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="audit-sign-in-failed")
    user_locked_out.connect(_locked_out, dispatch_uid="audit-locked-out")
    post_save.connect(_admin_change, sender=LogEntry, dispatch_uid="audit-admin-change")
    admin.site.add_action(audited_delete_selected, "delete_selected")
