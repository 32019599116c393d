from django.urls import path

from . import views

urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("gegevens/", views.export_data, name="export_my_data"),
    path("verwijderen/", views.delete_account, name="delete_account"),
]
