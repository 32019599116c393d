"""Webinars: registering for one, the seats and the waiting list, cancelling, and forgetting.

The registration services, their form, views and e-mails, the redactie's list of registrations
and the retention command. The webinar page itself belongs to `stories`; its registration
routes ask this app through the "webinar_registration_views" Wagtail hook (wagtail_hooks.py),
so the page model imports nothing of it.

The `WebinarRegistration` model stays in `stories.models`: moving a model with its table and
data to another app needs a data migration whose risk buys nothing here (issue 15 allows it).
"""
