"""Deel je verhaal and Mijn bijdragen: sharing a story, checking, changing and withdrawing it."""

from django.urls import path

from . import views

urlpatterns = [
    path("deel-je-verhaal/", views.choose_kind, name="share_story_start"),
    path("deel-je-verhaal/<slug:kind>/", views.share_story, name="share_story"),
    path("mijn-bijdragen/", views.my_contributions, name="my_contributions"),
    path("mijn-bijdragen/<id:page_id>/controleren/", views.check_story, name="check_story"),
    path("mijn-bijdragen/<id:page_id>/insturen/", views.confirm_story, name="confirm_story"),
    path("mijn-bijdragen/<id:page_id>/aanpassen/", views.revise_story, name="revise_story"),
    path("mijn-bijdragen/<id:page_id>/intrekken/", views.withdraw, name="withdraw_story"),
]
