from django.urls import path

from . import staff_views, views

app_name = "passes"
urlpatterns = [
    path("pas/", views.my_pass, name="my_pass"),
    path("pas/aanvragen/", views.apply, name="apply"),
    path("pas/<str:number>/qr/", views.pass_qr, name="pass_qr"),
    path("pas/<str:number>/kaart.pdf", views.pass_card_pdf, name="pass_card_pdf"),
    path("pas/<str:number>/blokkeren/", views.block_own_pass, name="block_own_pass"),
    path("pas/<str:number>/vervangen/", views.replace_own_card, name="replace_own_card"),
    path("aanvraag/<str:reference>/", views.application_detail, name="application_detail"),
    path("aanvraag/<str:reference>/brief.pdf", views.application_letter, name="application_letter"),
    path("aanvraag/<str:reference>/betalen/", views.pay, name="pay"),
    path("aanvraag/<str:reference>/betaald/", views.payment_return, name="payment_return"),
    path("betalen/webhook/", views.payment_webhook, name="payment_webhook"),
    path("betalen/demo/<str:external_id>/", views.demo_checkout, name="demo_checkout"),
    path("beheer/aanvragen/", staff_views.review_queue, name="review_queue"),
    path("beheer/aanvragen/<str:reference>/", staff_views.review_detail, name="review_detail"),
    path("beheer/aanvragen/<str:reference>/bewijs/", staff_views.evidence, name="evidence"),
    path(
        "beheer/papieren-aanvraag/", staff_views.paper_application, name="staff_paper_application"
    ),
    path("beheer/passen/", staff_views.pass_search, name="staff_pass_search"),
    path("beheer/passen/<str:number>/", staff_views.pass_detail, name="staff_pass_detail"),
    path(
        "beheer/passen/<str:number>/<str:action>/",
        staff_views.pass_action,
        name="staff_pass_action",
    ),
]
