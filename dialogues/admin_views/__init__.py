"""The redactie's reply queue in the Wagtail admin, wired into a ModelViewSet by
`wagtail_hooks.py`: the listing and a reply in full (`queue`), and the actions on a reply
(`actions`).
"""
