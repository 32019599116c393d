"""The ambassadors app's public URLs."""

from django.urls import path

from . import views

urlpatterns = [
    path("regio/<slug:slug>/vraag/", views.ask, name="ask_ambassador"),
]
