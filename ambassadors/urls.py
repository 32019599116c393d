"""The ambassadors app's public URLs."""

urlpatterns: list = []
