"""The site frame (base.html) and the home, accessibility and privacy pages."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db

WITH_PASSES = "zaansepas.pages.tests.urls_with_passes"


class Focusables(HTMLParser):
    """Collects the elements a keyboard user can tab to, in document order."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("tabindex") == "-1":
            return
        if (
            (tag == "a" and "href" in a)
            or tag in {"button", "select", "textarea"}
            or (tag == "input" and a.get("type") != "hidden")
        ):
            self.found.append((tag, a))


def focusables(html: str) -> list[tuple[str, dict]]:
    parser = Focusables()
    parser.feed(html)
    return parser.found


def html_lang(html: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', html)
    assert match, "no <html lang=...>"
    return match.group(1)


def test_home_page_is_in_dutch(client):
    html = client.get("/").content.decode()
    assert html_lang(html) == "nl"
    assert "De Zaanse Pas is een pas voor alle inwoners van Zaanstad." in html
    assert "Heeft u een laag inkomen? Dan krijgt u de pas gratis." in html
    assert "Bij de kassa ziet niemand of u de pas gratis kreeg." in html


def test_the_skip_link_is_the_first_thing_to_tab_to_and_leads_to_main(client):
    html = client.get("/").content.decode()
    tag, attrs = focusables(html)[0]
    assert tag == "a"
    assert attrs["href"] == "#inhoud"
    assert "utrecht-skip-link" in attrs["class"]
    assert re.search(r'<main id="inhoud"[^>]*tabindex="-1"', html)


def test_every_page_links_both_statements_in_the_footer(client):
    for url in ("/", reverse("pages:accessibility"), reverse("pages:privacy")):
        html = client.get(url).content.decode()
        footer = html[html.index("<footer") :]
        assert f'href="{reverse("pages:accessibility")}"' in footer
        assert f'href="{reverse("pages:privacy")}"' in footer
        assert "Toegankelijkheidsverklaring" in footer
        assert "Privacyverklaring" in footer


def test_the_page_loads_the_vendored_css_and_the_zaanstad_theme(client):
    html = client.get("/").content.decode()
    assert "/static/vendor/utrecht/component-library.css" in html
    assert "/static/zaansepas/theme.css" in html
    assert 'class="utrecht-document zaanstad-theme"' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_switching_to_english_gives_an_english_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/"
    assert html_lang(html) == "en"
    # The switch now offers the way back, labelled in its own language.
    assert re.search(r'<button[^>]*value="nl"[^>]*lang="nl"[^>]*>Nederlands</button>', html)


def test_the_language_switch_is_a_post_form_that_returns_to_the_same_page(client):
    html = client.get(reverse("pages:privacy")).content.decode()
    form = re.search(
        r'<form class="zp-lang" action="([^"]+)" method="post">(.*?)</form>', html, re.S
    )
    assert form, "no language form"
    assert form.group(1) == reverse("set_language")
    assert 'name="csrfmiddlewaretoken"' in form.group(2)
    assert f'name="next" value="{reverse("pages:privacy")}"' in form.group(2)
    assert re.search(r'<button[^>]*value="en"[^>]*lang="en"[^>]*>English</button>', form.group(2))

    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": reverse("pages:privacy")}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("pages:privacy")
    assert html_lang(response.content.decode()) == "en"


@pytest.mark.urls("zaansepas.pages.tests.urls_pages_only")
def test_pages_still_render_without_passes_and_login_urls(client):
    html = client.get("/").content.decode()
    assert "De Zaanse Pas is een pas voor alle inwoners van Zaanstad." in html
    assert "Pas aanvragen</a>" not in html  # no link to nowhere
    assert ">Inloggen</a>" not in html


@pytest.mark.urls(WITH_PASSES)
def test_home_page_offers_apply_my_pass_and_log_in(client):
    html = client.get("/").content.decode()
    assert re.search(r'href="/pas/aanvragen/">Pas aanvragen</a>', html)
    assert re.search(r'href="/pas/">Mijn pas</a>', html)
    assert re.search(r'href="/inloggen/"[^>]*>Inloggen</a>', html)
    # The main call to action is the primary button.
    assert re.search(r'utrecht-button-link--primary-action" href="/pas/aanvragen/"', html)


@pytest.mark.urls(WITH_PASSES)
def test_logged_in_resident_sees_name_log_out_button_and_menu(client, django_user_model):
    user = django_user_model.objects.create_user("fatima@example.nl", full_name="Fatima El Amrani")
    user.groups.add(Group.objects.get_or_create(name="inwoner")[0])
    client.force_login(user)

    html = client.get("/pas/").content.decode()

    assert "Ingelogd als Fatima El Amrani" in html
    assert re.search(r'<form action="/uitloggen/" method="post">\s*<input type="hidden"', html)
    assert "Uitloggen</button>" in html
    assert ">Inloggen</a>" not in html
    nav = re.search(r'<nav class="utrecht-nav-bar" aria-label="Menu">(.*?)</nav>', html, re.S)
    assert nav, "no menu"
    assert re.search(r'href="/pas/" aria-current="page">Mijn pas</a>', nav.group(1))
    assert re.search(r'href="/pas/aanvragen/">Pas aanvragen</a>', nav.group(1))


@pytest.mark.urls(WITH_PASSES)
def test_messages_show_as_alerts_above_the_content(client):
    html = client.get("/pas/berichten/").content.decode()
    main = html[html.index('<main id="inhoud"') :]
    assert re.search(r'utrecht-alert--ok" role="status">.*?Uw pas is aangevraagd\.', main, re.S)
    assert re.search(r'utrecht-alert--error" role="alert">.*?Uw pas is geblokkeerd\.', main, re.S)


def test_accessibility_statement_says_the_aim_how_it_is_tested_and_how_to_report(client):
    response = client.get(reverse("pages:accessibility"))
    html = response.content.decode()
    assert "<title>Toegankelijkheidsverklaring – Zaanse Pas</title>" in html
    assert "WCAG 2.1 op niveau AA" in html
    assert "axe-core" in html
    assert "met de hand" in html
    assert "Werkt iets niet goed?" in html
    assert 'href="tel:14075"' in html


def test_privacy_statement_says_what_is_kept_who_sees_it_and_your_rights(client):
    html = client.get(reverse("pages:privacy")).content.decode()
    assert "<title>Privacyverklaring – Zaanse Pas</title>" in html
    assert "Bewijs van uw inkomen" in html
    assert "Daarna verwijderen we het bewijs." in html
    assert "Zij zien niet wat u verdient." in html
    assert "Uw antwoorden zijn anoniem." in html
    assert "AVG" in html
    assert "Autoriteit Persoonsgegevens" in html


def test_unknown_page_gets_a_dutch_404_inside_the_site_frame(client):
    response = client.get("/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in html
    assert 'href="#inhoud"' in html
