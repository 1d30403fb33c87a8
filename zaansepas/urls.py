from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from zaansepas.till.api import api as till_api

admin.site.site_header = "Zaanse Pas — beheer"
admin.site.site_title = "Zaanse Pas"

urlpatterns = [
    path("", include("zaansepas.pages.urls")),
    path("", include("zaansepas.accounts.urls")),
    path("", include("zaansepas.wallet.urls")),
    path("", include("zaansepas.passes.urls")),
    path("", include("zaansepas.offers.urls")),
    path("", include("zaansepas.till.urls")),
    path("", include("zaansepas.offers.catalogue_urls")),
    path("", include("zaansepas.surveys.urls")),
    path("", include("zaansepas.research.urls")),
    path("", include("zaansepas.insights.urls")),
    path("api/", till_api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
