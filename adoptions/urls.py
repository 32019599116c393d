"""The adoptions app's public URLs."""

from django.urls import path

from . import views

urlpatterns = [
    path("toepassen/<id:page_id>/", views.adopt_view, name="adopt"),
    path("toepassen/<id:page_id>/intrekken/", views.withdraw_view, name="withdraw_adoption"),
]
