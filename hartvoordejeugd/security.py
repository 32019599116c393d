"""Security headers: a strict Content-Security-Policy for the site, a looser one for the admin,
and a Permissions-Policy that switches off the browser features we never use."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"

# Browser features no page of ours uses; autoplay and fullscreen stay for the video players.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with HVDJ_ADMIN_CONTENT_SECURITY_POLICY for the Wagtail admin: Wagtail's
    admin runs inline scripts and styles that the public policy forbids."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.HVDJ_ADMIN_CONTENT_SECURITY_POLICY)
        return parts


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
