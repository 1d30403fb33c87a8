import datetime as dt
import re

import pytest
import requests
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.models import LoginLink, User

from .fake_oidc import FakeOIDCProvider


def link_from_mail() -> str:
    return re.search(r"http://\S+/inloggen/link/\S+/", mail.outbox[-1].body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_a_resident_logs_in_with_an_emailed_link_once(client, db):
    response = client.post(reverse("accounts:login"), {"email": "Inwoner@Example.org"})
    assert "Kijk in uw e-mail" in response.content.decode()
    user = User.objects.get(email="inwoner@example.org")
    assert "inwoner" in user.roles
    path = path_of(link_from_mail())
    assert "Inloggen" in client.get(path).content.decode()  # a GET only shows a button
    assert "_auth_user_id" not in client.session
    response = client.post(path)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    client.logout()
    again = client.post(path)
    assert again.status_code == 400 and "werkt niet meer" in again.content.decode()


def test_an_expired_link_does_not_log_in(client, db):
    client.post(reverse("accounts:login"), {"email": "laat@example.org"})
    LoginLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client.post(path_of(link_from_mail()))
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_invalid_email_gets_a_dutch_message(client, db):
    response = client.post(reverse("accounts:login"), {"email": "geen-adres"})
    assert "Vul een geldig e-mailadres in" in response.content.decode()
    assert User.objects.count() == 0 and not mail.outbox


def test_the_demo_link_is_shown_only_in_demo_mode(client, db, settings):
    settings.DEMO_MODE = False
    assert (
        "demo-login-link"
        not in client.post(reverse("accounts:login"), {"email": "x@example.org"}).content.decode()
    )
    settings.DEMO_MODE = True
    assert (
        "demo-login-link"
        in client.post(reverse("accounts:login"), {"email": "y@example.org"}).content.decode()
    )


def test_staff_log_in_with_email_and_password(client, db):
    User.objects.create_user("medewerker@example.org", "een-lang-wachtwoord")
    bad = client.post(
        reverse("accounts:staff_login"), {"username": "medewerker@example.org", "password": "fout"}
    )
    assert "klopt niet" in bad.content.decode()
    good = client.post(
        reverse("accounts:staff_login"),
        {"username": "medewerker@example.org", "password": "een-lang-wachtwoord"},
    )
    assert good.status_code == 302 and "_auth_user_id" in client.session


def test_next_url_to_another_site_is_ignored(client, db):
    client.post(
        reverse("accounts:login"), {"email": "n@example.org", "next": "https://evil.example/"}
    )
    assert LoginLink.objects.get().next_url == ""


@pytest.mark.django_db
def test_a_resident_logs_in_through_the_oidc_broker(client, settings):
    with FakeOIDCProvider(subject="pseudo-42", email="burger@example.org") as provider:
        for name, value in provider.settings().items():
            setattr(settings, name, value)
        page = client.get(reverse("accounts:login")).content.decode()
        assert "Inloggen met DigiD" in page
        start = client.get(reverse("oidc_authentication_init"))
        assert start["Location"].startswith(provider.base + "/authorize")
        # Play the browser: follow the broker's redirect back to our callback.
        back = requests.get(start["Location"], allow_redirects=False, timeout=5).headers["Location"]
        callback = client.get("/" + back.split("/", 3)[3])
        assert callback.status_code == 302
        user = User.objects.get(oidc_subject="pseudo-42")
        assert user.email == "burger@example.org" and "inwoner" in user.roles
        assert int(client.session["_auth_user_id"]) == user.pk


def test_oidc_is_off_when_not_configured(client, db):
    assert "DigiD" not in client.get(reverse("accounts:login")).content.decode()


def test_an_admin_can_create_a_staff_account_with_a_role(client, db):
    from django.contrib.auth.models import Group

    from zaansepas.accounts.roles import ensure_role_groups

    ensure_role_groups()
    admin_user = User.objects.create_superuser("admin@example.org", "een-lang-wachtwoord")
    client.force_login(admin_user)
    office = Group.objects.get(name="pasbeheer")
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "nieuw@example.org",
            "full_name": "Nieuwe Collega",
            "password1": "Zaanstad-2026-veilig",
            "password2": "Zaanstad-2026-veilig",
            "groups": [office.pk],
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="nieuw@example.org").roles == {"pasbeheer"}


def test_a_mail_server_failure_gets_a_dutch_message_and_leaves_nothing(client, db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    response = client.post(reverse("accounts:login"), {"email": "geenpost@example.org"})
    assert response.status_code == 503
    assert "konden de e-mail nu niet versturen" in response.content.decode()
    assert not User.objects.filter(email="geenpost@example.org").exists()
    assert not LoginLink.objects.exists()
