from django.urls import path

from . import autocomplete, feeds, views

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("zoeken/suggesties/", autocomplete.suggest, name="search_suggestions"),
    path("zoeken/feed/", views.search_feed, name="search_feed"),
    path("thema/<slug:slug>/", views.theme, name="theme"),
    path("regio/<slug:slug>/", views.region, name="region"),
    path("thema/<slug:slug>/feed/", feeds.theme_feed, name="theme_feed"),
    path("regio/<slug:slug>/feed/", feeds.region_feed, name="region_feed"),
]
