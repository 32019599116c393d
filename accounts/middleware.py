"""Editors and administrators set up two-factor authentication before they enter the admin."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class RequireTwoFactorForEditorsMiddleware:
    """With HVDJ_REQUIRE_2FA_FOR_EDITORS on, the admin sends anyone without 2FA to set it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.HVDJ_REQUIRE_2FA_FOR_EDITORS
            and request.path.startswith(ADMIN_PREFIX)
            and request.user.is_authenticated
            and request.user.has_perm("wagtailadmin.access_admin")
            and not Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            messages.warning(
                request,
                _(
                    "Voor de beheeromgeving is tweestapsverificatie verplicht. Stel het hieronder "
                    "in met een authenticator-app; daarna kun je verder."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
