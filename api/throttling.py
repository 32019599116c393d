"""The API's rate limit: HVDJ_API_RATE requests per visitor's IP address (DRF throttling,
kept in the cache). While the cache is away it keeps nothing (core.cache), so every request
goes through: the API keeps answering rather than failing."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import Throttled
from rest_framework.throttling import AnonRateThrottle

from core.rate_limits import client_ip


class PartnerRateThrottle(AnonRateThrottle):
    """AnonRateThrottle at HVDJ_API_RATE, counting by the address core.rate_limits trusts."""

    scope = "hvdj_api"

    def get_rate(self):
        return settings.HVDJ_API_RATE

    def get_ident(self, request):
        return client_ip(request) or "unknown"


class TooManyRequests(Throttled):
    """429 in Dutch, with the seconds to wait."""

    default_detail = _("Je hebt te veel verzoeken gedaan.")
    extra_detail_singular = _("Probeer het over {wait} seconde opnieuw.")
    extra_detail_plural = _("Probeer het over {wait} seconden opnieuw.")
