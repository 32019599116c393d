"""Production settings: configured by environment variables only, loud when one is missing."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASE_URL, MEDIA_STORAGE, S3_BUCKET, SECRET_KEY, env_bool, env_int

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not DATABASE_URL or DATABASE_URL.startswith("sqlite"):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if MEDIA_STORAGE not in {"local", "s3"}:
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'.")
if MEDIA_STORAGE == "s3" and not S3_BUCKET:
    raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (and the S3_* credentials).")

DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
HVDJ_REQUIRE_2FA_FOR_EDITORS = env_bool("HVDJ_REQUIRE_2FA_FOR_EDITORS", True)
# Production runs behind a reverse proxy (README): one proxy adds the visitor's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "suspicious_requests_on_one_line": {
            "()": "hartvoordejeugd.logs.SuspiciousRequestsOnOneLine",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["suspicious_requests_on_one_line"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"  # links in account e-mails
