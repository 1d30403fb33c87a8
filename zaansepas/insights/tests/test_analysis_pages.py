"""The researcher's analysis pages on the demo needs scan: weighted tables with small cells
hidden, a filter by wijk, crosstabs with the test, and the charts."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from zaansepas.city.models import PopulationCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(demo_scan):
    return demo_scan


def test_the_analysis_is_weighted_and_says_how(client, survey):
    page = client.get(reverse("insights:analysis", args=[survey.pk])).content.decode()
    assert "Effectieve steekproefomvang" in page
    assert "Deze cijfers zijn niet gewogen" not in page
    # Every closed question has its table with a weighted share and an interval.
    assert 'id="tabel-inkomen"' in page
    assert re.search(r"\d+–\d+%", page)


def test_filtering_by_wijk_shows_only_its_residents_and_hides_small_cells(client, survey):
    url = reverse("insights:analysis", args=[survey.pk])
    everyone = client.get(url).content.decode()
    assert "2000 ingevulde vragenlijsten." in everyone
    poelenburg = client.get(url + "?wijk=WK047906").content.decode()
    count = int(re.search(r"(\d+) ingevulde vragenlijsten? uit Poelenburg", poelenburg).group(1))
    assert 0 < count < 60
    # With so few residents, percentages are withheld and small cells hidden.
    assert "verborgen: minder dan 10 inwoners" in poelenburg
    assert "minder dan 30 inwoners in de basis" in poelenburg


def test_an_unknown_wijk_in_the_filter_is_ignored(client, survey):
    page = client.get(reverse("insights:analysis", args=[survey.pk]) + "?wijk=<script>")
    assert page.status_code == 200
    assert "2000 ingevulde vragenlijsten." in page.content.decode()


def test_a_crosstab_of_income_by_wijk_has_the_test_and_hides_small_cells(client, survey):
    url = reverse("insights:crosstab", args=[survey.pk])
    page = client.get(url + "?rij=inkomen&kolom=_wijk").content.decode()
    assert 'id="kruistabel"' in page
    assert "Toets op samenhang (Rao–Scott)" in page
    assert "verborgen" in page


def test_a_crosstab_that_cannot_be_made_is_explained(client, survey):
    url = reverse("insights:crosstab", args=[survey.pk])
    for query in (
        "?rij=bestaat_niet&kolom=_wijk",
        "?rij=inkomen&kolom=inkomen",
        "?rij=meest_helpen",
    ):
        response = client.get(url + query)
        assert response.status_code == 400
        assert "deze combinatie kan niet" in response.content.decode()


def test_without_population_figures_the_analysis_is_unweighted_and_says_why(client, survey):
    PopulationCount.objects.all().delete()
    page = client.get(reverse("insights:analysis", args=[survey.pk])).content.decode()
    assert "Deze cijfers zijn niet gewogen." in page
    assert "geen bevolkingscijfers per wijk" in page


def test_a_chart_is_an_svg_image_of_the_table(client, survey):
    response = client.get(reverse("insights:question_chart", args=[survey.pk, "inkomen"]))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    missing = client.get(reverse("insights:question_chart", args=[survey.pk, "meest_helpen"]))
    assert missing.status_code == 404


def test_the_analysis_is_not_found_for_other_roles(client, survey):
    client.force_login(get_user_model().objects.create_user("bakker@example.nl", "x"))
    assert client.get(reverse("insights:analysis", args=[survey.pk])).status_code == 404
    assert client.get(reverse("insights:crosstab", args=[survey.pk])).status_code == 404
