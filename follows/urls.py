"""The follows app's public URLs."""

urlpatterns: list = []
