"""The cancel link of webinar registration e-mails."""

from django.urls import path

from . import registration_views

urlpatterns = [
    path(
        "webinars/afmelden/<str:token>/",
        registration_views.cancel_registration,
        name="cancel_webinar_registration",
    ),
]
