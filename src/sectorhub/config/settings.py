"""Django settings for SectorHub.

Every environment variable is read in the block below and nowhere else (`.env.example` and the README list them).
`SECTORHUB_ENV=production` turns on the deploy hardening; production secrets have no default.
Apps plug in by adding themselves to LOCAL_APPS and their URLs to config/urls.py (see docs/web.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from sectorhub.paths import data_dir, home_dir

# --- Environment: the one place environment variables are read --------------------------------------------------
_env = os.environ
SECTORHUB_ENV = _env.get("SECTORHUB_ENV", "development").strip().lower()  # development | production
PRODUCTION = SECTORHUB_ENV == "production"
SECRET_KEY = _env.get("DJANGO_SECRET_KEY", "")
DEBUG = _env.get("DJANGO_DEBUG", "0" if PRODUCTION else "1").strip().lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = [h.strip() for h in _env.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in _env.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
DATABASE_URL = _env.get("DATABASE_URL", "")
SECTORHUB_DATA = data_dir()  # SECTORHUB_DATA: the public source files (read-only)
SECTORHUB_HOME = home_dir()  # SECTORHUB_HOME: the SQLite database, the engine store, collected static files
SECTORHUB_STATE_FIPS = _env.get("SECTORHUB_STATE_FIPS", "39")  # the state this deployment serves (Ohio)
SECTORHUB_DEMO_PASSWORD = _env.get("SECTORHUB_DEMO_PASSWORD", "")
SECTORHUB_HSTS_SECONDS = int(_env.get("SECTORHUB_HSTS_SECONDS", "31536000"))
LOG_LEVEL = _env.get("SECTORHUB_LOG_LEVEL", "INFO").upper()
# The state's secret for keyed-hashing participant ids (HMAC-SHA-256) when records are loaded; no default.
SECTORHUB_ID_KEY = _env.get("SECTORHUB_ID_KEY", "")
# Seconds before a request is stopped with a "took too long" page (core.faults); 0 turns the guard off.
SECTORHUB_REQUEST_TIMEOUT = float(_env.get("SECTORHUB_REQUEST_TIMEOUT", "25"))
# Outgoing mail (the public contact form to conveners, error mails): the console in development; in production
# SMTP unless another backend is named, and then the host and the sender are required.
_EMAIL_BACKEND = _env.get("DJANGO_EMAIL_BACKEND", "").strip()
_EMAIL_HOST = _env.get("DJANGO_EMAIL_HOST", "").strip()
_EMAIL_PORT = _env.get("DJANGO_EMAIL_PORT", "").strip()
EMAIL_HOST_USER = _env.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _env.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env.get("DJANGO_EMAIL_USE_TLS", "0").strip().lower() in {"1", "true", "yes", "on"}
EMAIL_USE_SSL = _env.get("DJANGO_EMAIL_USE_SSL", "0").strip().lower() in {"1", "true", "yes", "on"}
EMAIL_TIMEOUT = float(_env.get("DJANGO_EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = _env.get("DJANGO_DEFAULT_FROM_EMAIL", "").strip()
SERVER_EMAIL = _env.get("DJANGO_SERVER_EMAIL", "").strip()
# -------------------------------------------------------------------------------------------------------------------

if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when SECTORHUB_ENV=production")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required when SECTORHUB_ENV=production")
else:
    # A fixed key is fine for a laptop or CI; production refuses to start without its own.
    SECRET_KEY = SECRET_KEY or "django-insecure-sectorhub-development-key-not-for-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]

EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_backend(name: str, *, production: bool) -> str:
    """The dotted EMAIL_BACKEND for DJANGO_EMAIL_BACKEND (a short name above, or a dotted path); empty means
    the console in development and SMTP in production."""
    name = name or ("smtp" if production else "console")
    if name in EMAIL_BACKENDS:
        return EMAIL_BACKENDS[name]
    if "." not in name:
        raise ImproperlyConfigured(
            f"DJANGO_EMAIL_BACKEND={name!r}: use one of {', '.join(EMAIL_BACKENDS)} or a dotted path"
        )
    return name


EMAIL_BACKEND = email_backend(_EMAIL_BACKEND, production=PRODUCTION)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("DJANGO_EMAIL_USE_TLS and DJANGO_EMAIL_USE_SSL cannot both be on; choose one")
EMAIL_PORT = int(_EMAIL_PORT) if _EMAIL_PORT else (465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
EMAIL_HOST = _EMAIL_HOST or "localhost"
if PRODUCTION and EMAIL_BACKEND == EMAIL_BACKENDS["smtp"]:
    if not _EMAIL_HOST:
        raise ImproperlyConfigured(
            "DJANGO_EMAIL_HOST is required when SECTORHUB_ENV=production and mail goes by SMTP "
            "(or set DJANGO_EMAIL_BACKEND to another backend explicitly)"
        )
    if not DEFAULT_FROM_EMAIL:
        raise ImproperlyConfigured("DJANGO_DEFAULT_FROM_EMAIL is required when SECTORHUB_ENV=production")
DEFAULT_FROM_EMAIL = DEFAULT_FROM_EMAIL or "SectorHub <sectorhub@localhost>"
SERVER_EMAIL = SERVER_EMAIL or DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[SectorHub] "

PACKAGE_DIR = Path(__file__).resolve().parent.parent

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "django_htmx",
    "simple_history",
    "axes",
    "ninja",
]
# One app per capability; later apps append themselves here (docs/web.md, "Adding an app").
LOCAL_APPS = [
    "sectorhub.core",
    "sectorhub.regions",
    "sectorhub.partnerships",
    "sectorhub.assessments",
    "sectorhub.datapackages",
    "sectorhub.capacity",
    "sectorhub.outreach",
    "sectorhub.funding",
    "sectorhub.performance",
    "sectorhub.public",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "sectorhub.core.faults.RequestTimeoutMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sectorhub.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sectorhub.core.middleware.ApiTokenMiddleware",
    "sectorhub.core.middleware.ApiNulMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "sectorhub.core.middleware.PermissionMapMiddleware",
    "sectorhub.core.faults.FaultMiddleware",
    # Axes last, as its documentation requires, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sectorhub.config.urls"
WSGI_APPLICATION = "sectorhub.config.wsgi.application"
ASGI_APPLICATION = "sectorhub.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sectorhub.core.context_processors.navigation",
            ],
        },
    }
]

if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SECTORHUB_HOME / "sectorhub.sqlite3",
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by all gunicorn workers; holds registry-wide figures keyed by a version that every change bumps.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": SECTORHUB_HOME / "cache",
    }
}

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "partnerships:dashboard"
LOGOUT_REDIRECT_URL = "partnerships:dashboard"

# Login throttling: five failures for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = SECTORHUB_HOME / "staticfiles"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static"
]  # vendor/ (USWDS, htmx, vega, topojson, axe), copied from npm at setup
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "sectorhub.core.storage.StaticStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION  # development serves straight from the source tree
WHITENOISE_AUTOREFRESH = DEBUG

# Security. The Content-Security-Policy header is sent in every environment so that development and the browser
# tests see exactly what production enforces: no inline or third-party scripts.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Vega and USWDS set style attributes from script; styles cannot carry code, scripts can.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    # TLS ends at the proxy in front of gunicorn, which sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = SECTORHUB_HSTS_SECONDS
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_AGE = 60 * 60 * 8  # one working day

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"axes": {"level": "WARNING"}},
}
