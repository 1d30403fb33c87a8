"""URLconf for tests: the real pages plus stand-ins for the passes and accounts URLs.

The home page only shows "Pas aanvragen", "Mijn pas" and "Inloggen" when those URLs exist;
this lets the tests see them without depending on the other apps being finished.
"""

from django.contrib import messages
from django.shortcuts import render
from django.urls import include, path


def stand_in(request):
    return render(request, "base.html")


def with_messages(request):
    messages.success(request, "Uw pas is aangevraagd.")
    messages.error(request, "Uw pas is geblokkeerd.")
    return render(request, "base.html")


passes = (
    [
        path("pas/aanvragen/", stand_in, name="apply"),
        path("pas/", stand_in, name="my_pass"),
        path("pas/berichten/", with_messages, name="messages_demo"),
    ],
    "passes",
)
accounts = (
    [
        path("inloggen/", stand_in, name="login"),
        path("uitloggen/", stand_in, name="logout"),
    ],
    "accounts",
)

urlpatterns = [
    path("", include("zaansepas.pages.urls")),
    path("", include(accounts)),
    path("", include(passes)),
    path("i18n/", include("django.conf.urls.i18n")),
]
