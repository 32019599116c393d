"""Settings shared by every environment.

Every environment variable the project reads is declared in the "Environment" section below,
with its type and default. Nothing here is secret and nothing turns on DEBUG.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name, default=""):
    return os.environ.get(name) or default


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Environment ------------------------------------------------------------------------------
# The one place where the environment is read.
SECRET_KEY = env_str("SECRET_KEY")  # required in production
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")  # cache and sessions when set
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")  # Elasticsearch search backend when set
OPENSEARCH_URL = env_str("OPENSEARCH_URL")  # OpenSearch search backend when set (and no ES)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
EMAIL_HOST = env_str("EMAIL_HOST")  # SMTP when set, console otherwise
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Hart voor de Jeugd <redactie@hartvoordejeugd.local>"
)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_ORIGIN = env_str("MEDIA_ORIGIN")  # e.g. https://bucket.s3.example.com when not this site
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")  # "local" (MEDIA_ROOT) or "s3"
S3_BUCKET = env_str("S3_BUCKET")  # with MEDIA_STORAGE=s3: the bucket, and where it lives:
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL")  # e.g. https://s3.nl-ams.scw.cloud; empty for AWS
S3_REGION = env_str("S3_REGION")
S3_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = env_str("S3_SECRET_ACCESS_KEY")
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
DEMO_EDITOR_PASSWORD = env_str("DEMO_EDITOR_PASSWORD")  # load_demo's editor account
# Editors and administrators must set up two-factor authentication before using the admin.
REQUIRE_2FA_FOR_EDITORS = env_bool("HVDJ_REQUIRE_2FA_FOR_EDITORS", False)  # production: true
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)  # whole pages for anonymous visitors
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600)  # story cards, for everyone
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")  # a CDN or Varnish to purge
# Reverse proxies in front that add to X-Forwarded-For: rate limits per IP address need the
# visitor's address, not the proxy's. 0 trusts the header not at all (production: 1).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Requests one IP address may make to the read API for partners (/api/v2/), per second,
# minute, hour or day.
HVDJ_API_RATE = env_str("HVDJ_API_RATE", "60/minute")
if not re.fullmatch(r"[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)", HVDJ_API_RATE):
    raise ImproperlyConfigured(
        f"HVDJ_API_RATE must be a number of requests per second, minute, hour or day, "
        f"such as 60/minute (not {HVDJ_API_RATE!r})"
    )
# ----------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "hartvoordejeugd",
    "core",
    "core.once",
    "accounts",
    "home",
    "demo",
    "api",
    "stories",
    "sharing",
    "webinars",
    "mediafiles",
    "dialogues",
    "search",
    "adoptions",
    "ambassadors",
    "follows",
    "django_comments_xtd",
    "django_comments",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "csp",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "hartvoordejeugd.security.ContentSecurityPolicyMiddleware",
    # Outside the rest, so that error answers from below (400, 403) get the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below the headers, above everything that serves: pages, files and static files.
    "hartvoordejeugd.security.HttpMethodMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    # The Site of the request, kept per generation (hits above do not need it).
    "core.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireTwoFactorForEditorsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that its 400 gets every header above; it still reads the body before
    # CsrfViewMiddleware.process_view does.
    "core.request_bodies.CompleteMultipartMiddleware",
]

ROOT_URLCONF = "hartvoordejeugd.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hartvoordejeugd.context_processors.site_navigation",
                "hartvoordejeugd.context_processors.search_links",
            ],
        },
    },
]

WSGI_APPLICATION = "hartvoordejeugd.wsgi.application"

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the development server read while a management command writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database fails fast, so visitors get the 503 page within seconds: within
    # 3 s per connection, however many addresses the host has (hartvoordejeugd/postgresql).
    DATABASES["default"]["ENGINE"] = "hartvoordejeugd.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3

# The queries every page repeats (core.compiled) are prepared on PostgreSQL, planned once per
# connection; false behind a pooler in transaction mode (PgBouncer), which can't keep them.
HVDJ_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_account"

# Member accounts (django-allauth): sign up with e-mail, verified before anything is shared.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
# None: "[<site name>] ", from the sites record that core.site_address keeps.
ACCOUNT_EMAIL_SUBJECT_PREFIX = None
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    "signup": "5/h/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "reset_password": "5/m/ip,3/h/key",
}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Members are named by their display name ("Je bent nu ingelogd als ..."), never by the
# username allauth makes from the e-mail address.
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
# Two-factor authentication (allauth.mfa): an authenticator app, with recovery codes. The admin
# has no login of its own: /admin/login/ sends people to the site's login, with its limits.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Hart voor de Jeugd"
HVDJ_REQUIRE_2FA_FOR_EDITORS = REQUIRE_2FA_FOR_EDITORS
# allauth's limits per IP address and ours (core/rate_limits.py) read this.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

LANGUAGE_CODE = "nl"
# The public site is Dutch for everyone (no LocaleMiddleware); English is available to editors,
# who choose the admin language in their Wagtail profile.
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if MEDIA_STORAGE == "s3":
    # Uploads in a private S3-compatible bucket (django-storages, the `s3` extra), handed out
    # through signed links that expire; the document view checks who may see a file first.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "access_key": S3_ACCESS_KEY_ID,
            "secret_key": S3_SECRET_ACCESS_KEY,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 3600,
            "file_overwrite": False,
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

if REDIS_URL:
    # When Redis is away the site keeps serving, slower: the cache acts as an empty one
    # (core/cache.py, one warning in the log), and sessions are also in the
    # database (cached_db), which is read when the cache is not.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# What a process keeps as long as it runs, without a trip to Redis: HTML that only the code
# and its translations change (the fields of an empty reply form), so a deploy renews it.
CACHES["process"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "process",
    "TIMEOUT": None,
}

if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Wagtail
WAGTAIL_SITE_NAME = "Hart voor de Jeugd"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILIMAGES_IMAGE_MODEL = "stories.SafeImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# HEIC photos (iPhones) are stored as JPEG (mediafiles.images.strip_image_metadata).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "txt",
    "xlsx",
    "mp3",
    "m4a",
    "ogg",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 500 * 1024 * 1024  # videos; HVDJ_MAX_UPLOAD_SIZES is per kind
# Private documents and pages send visitors to our own login page.
WAGTAIL_FRONTEND_LOGIN_URL = "/account/login/"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from gravatar.com for editors either
WAGTAILDOCS_DOCUMENT_FORM_BASE = "stories.document_forms.CheckedDocumentForm"
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"

# Search. One machine (SQLite or PostgreSQL): the public search runs on the embedded index
# (search/tantivy/: BM25, Dutch analysis), kept current by Wagtail's signals and rebuilt with
# `update_index`; "default" stays the database backend for the admin's search of pages, images
# and documents. Several app servers: Elasticsearch or OpenSearch with the Dutch analyzer and
# the redactie's synonyms (search/backends/) when ELASTICSEARCH_URL or OPENSEARCH_URL is set, for
# everything; Elasticsearch when both are.
if ELASTICSEARCH_URL:
    SEARCH_SERVER_BACKEND, SEARCH_SERVER_URL = "search.backends.elasticsearch", ELASTICSEARCH_URL
elif OPENSEARCH_URL:
    SEARCH_SERVER_BACKEND, SEARCH_SERVER_URL = "search.backends.opensearch", OPENSEARCH_URL
else:
    SEARCH_SERVER_BACKEND = SEARCH_SERVER_URL = None
if SEARCH_SERVER_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_SERVER_BACKEND,
            "URLS": [SEARCH_SERVER_URL],
            "INDEX_PREFIX": "hartvoordejeugd_",
            "TIMEOUT": 10,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.database_backend",
            "SEARCH_CONFIG": "dutch",
        },
        "tantivy": {"BACKEND": "search.tantivy.backend"},
    }
# The WAGTAILSEARCH_BACKENDS entry of the public search (/zoeken/, theme and region pages, the
# feed, autocomplete).
HVDJ_PUBLIC_SEARCH_BACKEND = env_str(
    "HVDJ_PUBLIC_SEARCH_BACKEND", "default" if SEARCH_SERVER_URL else "tantivy"
)
# The embedded search index (search/tantivy/): derived from the database, rebuilt at any time
# with `update_index`, after `restore`, and by itself when missing or damaged.
HVDJ_SEARCH_INDEX_DIR = Path(env_str("HVDJ_SEARCH_INDEX_DIR", str(BASE_DIR / "search-index")))
# Seconds between two writes of the search report's query log (search/logging.py): searches
# are counted in the process and written off the request path; 0 writes with each search.
HVDJ_QUERY_LOG_SECONDS = env_int("HVDJ_QUERY_LOG_SECONDS", 10)

# Security headers (hartvoordejeugd/security.py). The public site allows nothing but our own
# files, and the privacy-friendly video players once a visitor asks for one; the Wagtail admin
# needs inline scripts and styles and gets its own policy.
MEDIA_ORIGINS = [MEDIA_ORIGIN] if MEDIA_ORIGIN else []
VIDEO_PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # blob: for the preview of a photo chosen in the share form (site.js): a local file.
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": VIDEO_PLAYERS,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
HVDJ_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "media-src": ["'self'", "blob:", *MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *VIDEO_PLAYERS],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],  # the preview shows pages in a frame (under /admin/)
}
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow their own frame
# Browser features no page of ours uses, switched off for every response
# (django-permissions-policy); autoplay and fullscreen stay for the video players.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # our forms carry the token; no script reads the cookie
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"  # Dutch, and keeps what was typed

# Whole-page cache for visitors who are not logged in (core/page_cache.py); 0 is off.
HVDJ_PAGE_CACHE_SECONDS = PAGE_CACHE_SECONDS
# Story cards' HTML, per generation of the page cache (core/fragments.py); 0 is off.
HVDJ_FRAGMENT_CACHE_SECONDS = FRAGMENT_CACHE_SECONDS
# Wagtail purges published pages from a CDN or Varnish in front, when one is configured.
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Listing pages show this many cards per page.
HVDJ_PAGE_SIZE = 12

# Sharing stories: how many new stories a member may send per hour, and upload limits.
HVDJ_SUBMISSIONS_PER_HOUR = 5
HVDJ_MAX_UPLOAD_SIZES = {
    "image": 10 * 1024 * 1024,
    "audio": 200 * 1024 * 1024,
    "video": 500 * 1024 * 1024,
    "document": 20 * 1024 * 1024,
    "captions": 1024 * 1024,
}
HVDJ_MAX_IMAGE_PIXELS = 40_000_000
HVDJ_MIN_HERO_WIDTH = 800

# Webinars: registrations are deleted this many days after the webinar ends.
HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS = env_int("HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS", 30)
# Registrations send e-mail to the address given: at most this many per IP address per hour.
HVDJ_REGISTRATIONS_PER_HOUR_PER_IP = 10

# Dialogues: replies are django-comments-xtd comments (dialogues.Reply). Our own views post,
# confirm and moderate them (dialogues.views); xtd's views and web API are not mounted.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "dialogues.models.Reply"
# How deep replies may nest: 3 means a reply to a reply to a reply, and no deeper.
HVDJ_REPLY_MAX_DEPTH = 3
COMMENTS_XTD_MAX_THREAD_LEVEL = HVDJ_REPLY_MAX_DEPTH - 1  # xtd counts levels from 0
COMMENT_MAX_LENGTH = 3000  # characters in one reply
COMMENTS_XTD_SALT = b"hartvoordejeugd-replies"  # for the signed confirmation links
COMMENTS_XTD_THREADED_EMAILS = False
# A reply reported by this many different people is hidden until an editor decides.
HVDJ_REPORT_THRESHOLD = 3
# Commenters' IP addresses are kept this many days (to trace abuse), then deleted.
HVDJ_REPLY_IP_RETENTION_DAYS = 30
# Flood limits: replies per person, and per IP address, per hour.
HVDJ_REPLIES_PER_HOUR = 10
HVDJ_REPLIES_PER_HOUR_PER_IP = 30
HVDJ_REPORTS_PER_HOUR_PER_IP = 20
# Top-level replies per page of a dialogue (with everything below them).
HVDJ_REPLY_THREADS_PER_PAGE = 50
# How long the confirmation link for a visitor's reply stays valid.
HVDJ_REPLY_CONFIRMATION_DAYS = 7

# Demo content (`load_demo`) is for local and test installations only.
HVDJ_ALLOW_DEMO_CONTENT = False
