"""URLconf for tests: only the pages and the language switch, no passes or accounts URLs."""

from django.urls import include, path

urlpatterns = [
    path("", include("zaansepas.pages.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
