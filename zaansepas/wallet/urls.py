from django.urls import path

from . import staff_views, views

app_name = "wallet"
urlpatterns = [
    path("pas/tegoed/", views.wallet, name="wallet"),
    path("pas/<str:number>/opwaarderen/", views.top_up, name="top_up"),
    path("betalen/opwaarderen/webhook/", views.top_up_webhook, name="top_up_webhook"),
    path("betalen/opwaarderen/demo/<str:external_id>/", views.demo_checkout, name="demo_checkout"),
    path("beheer/regelingen/", staff_views.schemes, name="schemes"),
    path("beheer/regelingen/<slug:code>/", staff_views.scheme_detail, name="scheme_detail"),
    path("beheer/uitbetalingen/", staff_views.payout_runs, name="payout_runs"),
    path("beheer/uitbetalingen/<str:period>/", staff_views.payout_run, name="payout_run"),
    path(
        "beheer/uitbetalingen/<str:period>/bevestigen/",
        staff_views.confirm_run,
        name="confirm_run",
    ),
    path("beheer/uitbetalingen/<str:period>/sepa.xml", staff_views.sepa_file, name="sepa_file"),
    path(
        "beheer/uitbetalingen/<str:period>/<int:provider_id>.csv",
        staff_views.statement_csv,
        name="statement_csv",
    ),
    path(
        "beheer/uitbetalingen/<str:period>/<int:provider_id>.pdf",
        staff_views.statement_pdf,
        name="statement_pdf",
    ),
]
