from django.urls import path

from . import start, views

urlpatterns = [
    path("dialogen/reageren/<id:page_id>/", views.reply, name="reply"),
    path("dialogen/reactie-bevestigen/<str:key>/", views.confirm, name="confirm_reply"),
    path("dialogen/reactie/<id:reply_id>/waarderen/", views.like, name="like_reply"),
    path("dialogen/reactie/<id:reply_id>/melden/", views.report, name="report_reply"),
    path("dialogen/afmelden/<str:token>/", views.stop_following, name="unsubscribe_replies"),
    path("start-een-dialoog/", start.start_dialogue, name="start_dialogue"),
    # Named after the page type: stories' "Aanpassen" in Mijn bijdragen sends members here.
    path(
        "mijn-bijdragen/<id:page_id>/dialoog-aanpassen/",
        start.revise_dialogue,
        name="revise_dialoguethreadpage",
    ),
]
