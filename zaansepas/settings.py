"""One env-driven settings file.

Defaults just work on a laptop: SQLite in ./var, debug on, mail to the console.
Production sets DATABASE_URL (PostgreSQL), ZP_SECRET_KEY, ZP_DEBUG=0 and ZP_ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

# One BLAS thread per process unless the operator says otherwise: the web server already
# runs a process per core, and OpenBLAS's own threads then fight them for the cores (finding
# themes in open answers took 8.6 s instead of 2.3 s on two busy cores). Set here, before the
# URLs import numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
VAR_DIR = Path(os.environ.get("ZP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("ZP_DEBUG", True)
SECRET_KEY = os.environ.get("ZP_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("ZP_SECRET_KEY must be set when ZP_DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
# Separate key for pass QR/card codes, so rotating the session key does not void every card.
PASS_CODE_SECRET = os.environ.get("ZP_PASS_CODE_SECRET", SECRET_KEY)

ALLOWED_HOSTS = [
    h for h in os.environ.get("ZP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("ZP_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Demo mode shows the emailed login link on the page, so a demo needs no mailbox.
DEMO_MODE = env_bool("ZP_DEMO", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "mozilla_django_oidc",
    "zaansepas.accounts",
    "zaansepas.city",
    "zaansepas.passes",
    "zaansepas.offers",
    "zaansepas.till",
    "zaansepas.wallet",
    "zaansepas.surveys",
    "zaansepas.research",
    "zaansepas.insights",
    "zaansepas.pages",
    "zaansepas.lib",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "zaansepas.urls"
WSGI_APPLICATION = "zaansepas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "zaansepas" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zaansepas.accounts.context.role_menu",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("ZP_SQLITE_PATH", str(VAR_DIR / "zaansepas.sqlite3")),
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of
                # failing half-way with "database is locked" on lock upgrade.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
            # Tests use a file, not Django's shared-cache in-memory database: that one
            # answers "table is locked" instead of waiting, unlike the real thing.
            "TEST": {"NAME": str(VAR_DIR / "test-zaansepas.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "zaansepas.accounts.oidc.ResidentOIDCBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "zaansepas.accounts.validators.MinimumLength",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_LINK_MAX_AGE_MINUTES = 15

# OpenID Connect (DigiD / eHerkenning through a broker). Off unless the client id is set.
OIDC_RP_CLIENT_ID = os.environ.get("ZP_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("ZP_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("ZP_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("ZP_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("ZP_OIDC_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("ZP_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("ZP_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("ZP_OIDC_SCOPES", "openid email")
OIDC_PROVIDER_NAME = os.environ.get("ZP_OIDC_PROVIDER_NAME", "DigiD")
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"

# --- Passes and payments --------------------------------------------------------------------
QR_STEP_SECONDS = 30
PAYMENT_PROVIDER = os.environ.get("ZP_PAYMENT_PROVIDER", "demo")  # "demo" or "mollie"
MOLLIE_API_KEY = os.environ.get("ZP_MOLLIE_API_KEY", "")
PUBLIC_BASE_URL = os.environ.get("ZP_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
# A till may undo a redemption this long after it.
TILL_CANCEL_WINDOW_MINUTES = 15

# The municipality's own account, debited by the payout file it uploads in its bank. The
# platform never holds the money; it only makes the file (DESIGN.md §3.2).
PAYOUT_DEBTOR_NAME = os.environ.get("ZP_PAYOUT_NAME", "Gemeente Zaanstad")
PAYOUT_DEBTOR_IBAN = os.environ.get("ZP_PAYOUT_IBAN", "NL91ABNA0417164300")
PAYOUT_DEBTOR_BIC = os.environ.get("ZP_PAYOUT_BIC", "")
# Requests per device to the till API; a busy till does a few per customer.
TILL_API_RATE = os.environ.get("ZP_TILL_API_RATE", "600/m")
# Offers with less discount than this (and not free) are flagged in the pass office's review.
OFFER_MIN_DISCOUNT_PERCENT = int(os.environ.get("ZP_OFFER_MIN_DISCOUNT_PERCENT", "25"))
# Objection period (6 weeks) plus margin; after that the evidence itself is deleted.
EVIDENCE_RETENTION_DAYS = int(os.environ.get("ZP_EVIDENCE_RETENTION_DAYS", "91"))

# --- Files ----------------------------------------------------------------------------------
# Uploads and letters are private: never served as static media, only through views that
# check who is asking.
MEDIA_ROOT = Path(os.environ.get("ZP_MEDIA_ROOT", VAR_DIR / "private"))
MEDIA_URL = "/nooit-publiek/"
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "zaansepas" / "static"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Mail -----------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("ZP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("ZP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("ZP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("ZP_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("ZP_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("ZP_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("ZP_FROM_EMAIL", "Zaanse Pas <noreply@zaansepas.example>")

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "zaansepas" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Security -------------------------------------------------------------------------------
if env_bool("ZP_BEHIND_TLS_PROXY", False):
    # The proxy terminates TLS; trust its header so redirects (OIDC, Mollie) use https.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ZP_LOG_LEVEL", "WARNING")},
}
