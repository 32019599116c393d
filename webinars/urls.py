"""The cancel link in every webinar registration e-mail."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "webinars/afmelden/<str:token>/",
        views.cancel_registration,
        name="cancel_webinar_registration",
    ),
]
