"""Settings for the test suite: fast hashing, plain static files, in-memory cache and mail."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "process": CACHES["process"],  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SITE_URL = "http://testserver"  # the test client's host: the Site records get it too
WAGTAILADMIN_BASE_URL = SITE_URL
HVDJ_ALLOW_DEMO_CONTENT = True
# Tests run without collectstatic: look files up on request instead of scanning STATIC_ROOT.
WHITENOISE_AUTOREFRESH = True
# The suite indexes into the database and the embedded index (in a temporary folder per test
# session: tests/conftest.py), also on a machine where ELASTICSEARCH_URL or OPENSEARCH_URL is
# set; the integration tests of those servers configure their own backend with their own index
# prefix.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.database_backend", "SEARCH_CONFIG": "dutch"},
    "tantivy": {"BACKEND": "search.tantivy.backend"},
}
HVDJ_PUBLIC_SEARCH_BACKEND = env_str("HVDJ_PUBLIC_SEARCH_BACKEND", "tantivy")  # noqa: F405
# Pages are built fresh in tests; tests/project/test_page_cache.py turns the cache on.
HVDJ_PAGE_CACHE_SECONDS = 0
# The query log written at once, so a test reads it after the request (search/logging.py).
HVDJ_QUERY_LOG_SECONDS = 0
