from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login_page, name="login"),
    path("inloggen/link/<str:token>/", views.login_with_link, name="login_link"),
    path("inloggen/medewerkers/", views.StaffLoginView.as_view(), name="staff_login"),
    path("uitloggen/", views.logout_view, name="logout"),
]
