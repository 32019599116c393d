"""The adoptions app's public URLs."""

urlpatterns: list = []
