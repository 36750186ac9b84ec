"""Middleware of the site as a whole."""

from smolyan_portal import health


class HealthCheckMiddleware:
    """Answer the probes before any middleware that checks the Host header.

    A load balancer or orchestrator probes a container by its IP address, which
    is not among ALLOWED_HOSTS; the probes must answer whatever Host is sent.
    """

    routes = {"/livez": health.livez, "/healthz": health.healthz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.routes.get(request.path_info.rstrip("/") or "/")
        if view is not None:
            return view(request)
        return self.get_response(request)
