"""Security headers: a strict Content-Security-Policy for the site, a looser one for the admin;
and only the HTTP methods the site uses reach a view. The Permissions-Policy header comes from
django-permissions-policy (the PERMISSIONS_POLICY setting)."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed

ADMIN_PREFIX = "/admin/"
# The methods our pages and forms use; Wagtail's admin also sends PUT, PATCH and DELETE.
SITE_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
ADMIN_METHODS = (*SITE_METHODS, "PUT", "PATCH", "DELETE")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with HVDJ_ADMIN_CONTENT_SECURITY_POLICY for the Wagtail admin: Wagtail's
    admin runs inline scripts and styles that the public policy forbids."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.HVDJ_ADMIN_CONTENT_SECURITY_POLICY)
        return parts


class HttpMethodMiddleware:
    """Answers the methods no view of ours handles, before any view sees them: OPTIONS without
    a body, naming the allowed methods; TRACE and every other method with 405. Views would
    otherwise answer them as a GET, with the whole page or file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = ADMIN_METHODS if request.path.startswith(ADMIN_PREFIX) else SITE_METHODS
        if request.method == "OPTIONS":
            response = HttpResponse()
            response["Allow"] = ", ".join(allowed)
            return response
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return self.get_response(request)
