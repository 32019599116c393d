"""The follows app's public URLs: the follow buttons, the links in e-mails, and the page
listing what someone follows (Mijn account, or by the link in a digest)."""

from django.urls import path

from . import manage, views

urlpatterns = [
    path("volgen/", views.follow_view, name="follow"),
    path("volgen/stoppen/<id:follow_id>/", views.unfollow_view, name="unfollow"),
    path("volgen/bevestigen/<str:key>/", views.confirm, name="confirm_follow"),
    path("volgen/afmelden/<str:token>/", views.unsubscribe_view, name="unsubscribe_follow"),
    path(
        "volgen/alles-afmelden/<str:token>/",
        views.unsubscribe_all_view,
        name="unsubscribe_all_follows",
    ),
    path("volgen/beheren/<str:token>/", manage.manage_by_token, name="manage_follows"),
    path("mijn-account/volgen/", manage.my_follows, name="my_follows"),
]
