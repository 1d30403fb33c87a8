"""The response dashboard: figures per day, wijk, channel, age band and sex against the
population; the flags for under- and over-represented wijken; target counts per wijk."""

import datetime as dt
import itertools

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import grant_role
from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.city.models import Area, AreaKind, PopulationCount
from zaansepas.surveys.demo_data import OVER_REPRESENTED, UNDER_REPRESENTED, create_demo_survey
from zaansepas.surveys.models import (
    Channel,
    ChannelKind,
    DistrictTarget,
    Response,
    SurveyStatus,
)
from zaansepas.surveys.monitoring import (
    OVER,
    UNDER,
    UNKNOWN,
    monitoring_for,
    representation,
)
from zaansepas.surveys.spec import create_survey_from_spec

_references = itertools.count()


def small_spec(with_demographics=True) -> dict:
    questions = [
        {"code": "postcode", "kind": "postcode", "text": {"nl": "Uw postcode?"}},
    ]
    if with_demographics:
        questions += [
            {
                "code": "leeftijd",
                "kind": "age_band",
                "text": {"nl": "Hoe oud bent u?"},
                "options": [{"code": c, "label": {"nl": c}} for c in ("15-24", "25-44")],
            },
            {
                "code": "geslacht",
                "kind": "single_choice",
                "demographic": "sex",
                "text": {"nl": "Geslacht?"},
                "options": [{"code": c, "label": {"nl": c}} for c in ("m", "v", "x")],
            },
        ]
    return {
        "series": "klein",
        "title": {"nl": "Kleine vragenlijst"},
        "sections": [{"title": {"nl": "Alles"}, "questions": questions}],
    }


def publish(survey, days_ago):
    survey.status = SurveyStatus.PUBLISHED
    survey.published_at = timezone.now() - dt.timedelta(days=days_ago)
    survey.save()


def respond(survey, channel, day, district=None, age_band="", sex=""):
    return Response.objects.create(
        survey=survey,
        channel=channel,
        submitted_on=day,
        district=district,
        age_band=age_band,
        sex=sex,
        reference=f"ref{next(_references)}",
    )


@pytest.fixture
def city(db):
    load_zaanstad_reference_data()
    return {area.name: area for area in Area.objects.filter(kind=AreaKind.DISTRICT)}


@pytest.fixture
def small(city):
    """Six responses over three days: 3 Krommenie, 1 Westzaan, 2 without a wijk."""
    survey = create_survey_from_spec(small_spec())
    publish(survey, days_ago=3)
    today = timezone.localdate()
    wijk = Channel.objects.create(
        survey=survey,
        kind=ChannelKind.DISTRICT,
        name="Krommenie",
        code="kr3mm4",
        district=city["Krommenie"],
    )
    poster = Channel.objects.create(
        survey=survey, kind=ChannelKind.MEDIUM, name="Poster", code="p2st3r"
    )
    Channel.objects.create(survey=survey, kind=ChannelKind.PAPER, name="Papier", code="pap3r2")
    day1, day3 = today - dt.timedelta(days=3), today - dt.timedelta(days=1)
    respond(survey, wijk, day1, city["Krommenie"], "25-44", "v")
    respond(survey, wijk, day1, city["Krommenie"], "25-44", "m")
    respond(survey, poster, day1, city["Krommenie"], "15-24", "x")
    respond(survey, poster, day3, city["Westzaan"], "", "v")
    respond(survey, poster, day3, None, "25-44", "")
    respond(survey, None, today, None, "15-24", "v")
    return survey


def _row(rows, key):
    return next(row for row in rows if row.key == key)


def test_counts_per_wijk_with_unknown_as_its_own_row(small, city):
    figures = monitoring_for(small)
    assert figures.total == 6
    assert figures.district_total == 4
    krommenie = _row(figures.districts, "WK047913")
    assert (krommenie.label, krommenie.count) == ("Krommenie", 3)
    assert krommenie.share == pytest.approx(3 / 4)  # of the responses with a known wijk
    assert _row(figures.districts, "WK047915").count == 1
    unknown = figures.districts[-1]
    assert (unknown.key, unknown.count, unknown.compared) == (UNKNOWN, 2, False)
    assert unknown.share == pytest.approx(2 / 6)  # of all responses
    assert figures.districts[0].label == "Assendelft"  # wijken by name, none left out
    assert len(figures.districts) == 16
    assert sum(row.population_share for row in figures.districts if row.compared) == (
        pytest.approx(1)
    )


def test_population_share_is_the_wijk_share_of_residents_of_15_and_over(small):
    counts = PopulationCount.objects.filter(area__kind=AreaKind.DISTRICT).exclude(age_band="0-14")
    city_total = sum(counts.values_list("count", flat=True))
    krommenie = sum(counts.filter(area__code="WK047913").values_list("count", flat=True))
    row = _row(monitoring_for(small).districts, "WK047913")
    assert row.population_share == pytest.approx(krommenie / city_total)
    assert row.ratio == pytest.approx(row.share / row.population_share)


def test_counts_per_day_include_days_without_responses(small):
    today = timezone.localdate()
    days = {row.day: row.count for row in monitoring_for(small).days}
    assert days == {
        today - dt.timedelta(days=3): 3,
        today - dt.timedelta(days=2): 0,
        today - dt.timedelta(days=1): 2,
        today: 1,
    }


def test_counts_per_channel_include_silent_channels_and_removed_ones(small):
    channels = {row.name: row.count for row in monitoring_for(small).channels}
    assert channels == {"Krommenie": 2, "Poster": 3, "Papier": 0, "kanaal verwijderd": 1}


def test_age_band_and_sex_are_compared_only_where_the_population_has_them(small):
    figures = monitoring_for(small)
    ages = {row.key: row.count for row in figures.age_bands}
    assert ages == {"15-24": 2, "25-44": 3, "45-64": 0, "65+": 0, UNKNOWN: 1}
    assert _row(figures.age_bands, "25-44").share == pytest.approx(3 / 5)
    sexes = {row.key: row.count for row in figures.sexes}
    assert sexes == {"m": 1, "v": 3, "x": 1, UNKNOWN: 1}
    assert _row(figures.sexes, "v").share == pytest.approx(3 / 4)
    assert not _row(figures.sexes, "x").compared


def test_age_and_sex_are_left_out_when_the_survey_does_not_ask_them(city):
    survey = create_survey_from_spec(small_spec(with_demographics=False))
    figures = monitoring_for(survey)
    assert figures.age_bands is None and figures.sexes is None
    assert figures.total == 0 and figures.days == []


def test_a_shortfall_is_flagged_only_when_it_is_large_and_not_chance():
    # 5% of the population, no responses: with 40 responses 2 were expected (chance)...
    assert representation(0, 40, 0.05)["flag"] == ""
    # ...with 400 responses 20 were expected: under-represented.
    assert representation(0, 400, 0.05)["flag"] == UNDER
    # Far below but not below 2/3 of the share: not flagged, however many responses.
    assert representation(7_500, 100_000, 0.1)["flag"] == ""
    assert representation(160, 1000, 0.1)["flag"] == OVER
    assert representation(140, 1000, 0.1)["flag"] == ""


def test_monitoring_needs_the_same_few_queries_however_many_responses(
    small, city, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):
        monitoring_for(small)
    channel = Channel.objects.get(code="p2st3r")
    today = timezone.localdate()
    Response.objects.bulk_create(
        Response(
            survey=small,
            channel=channel,
            submitted_on=today - dt.timedelta(days=n % 4),
            district=list(city.values())[n % 15],
            age_band="45-64",
            sex="m",
            reference=f"bulk{n}",
        )
        for n in range(600)
    )
    with django_assert_max_num_queries(9):
        figures = monitoring_for(small)
    assert figures.total == 606


# --- With the demo data -----------------------------------------------------------------


@pytest.fixture
def demo(db):
    load_zaanstad_reference_data()
    return create_demo_survey()["survey"]


def test_with_the_demo_data_the_under_represented_wijken_are_flagged(demo):
    figures = monitoring_for(demo)
    flags = {row.label: row.flag for row in figures.districts if row.key != UNKNOWN}
    assert {name for name, flag in flags.items() if flag == UNDER} == set(UNDER_REPRESENTED)
    assert {name for name, flag in flags.items() if flag == OVER} == set(OVER_REPRESENTED)
    assert flags["Zaandam-West"] == ""  # a well-represented wijk
    assert figures.unknown_district.count > 0


@pytest.fixture
def researcher(client, db):
    user = User.objects.create_user("onderzoek@example.org")
    grant_role(user, Role.RESEARCHER)
    client.force_login(user)
    return client


def test_the_dashboard_names_the_flagged_wijken_in_words_and_with_a_marker(researcher, demo):
    page = researcher.get(reverse("surveys:monitor", args=[demo.pk])).content.decode()
    summary = page[page.index('id="flag-summary"') : page.index('id="per-wijk"')]
    for name in UNDER_REPRESENTED:
        assert name in summary.split("Oververtegenwoordigd")[0]
    row = page[page.index('data-key="WK047906"') :]  # Poelenburg in the wijk table
    row = row[: row.index("</tr>")]
    assert "▼" in row and "ondervertegenwoordigd" in row
    assert 'role="img"' in page and '<title id="grafiek-wijk-naam">' in page


def test_a_resident_cannot_see_the_dashboard(client, demo):
    user = User.objects.create_user("inwoner@example.org")
    grant_role(user, Role.RESIDENT)
    client.force_login(user)
    assert client.get(reverse("surveys:monitor", args=[demo.pk])).status_code == 404


# --- Targets ------------------------------------------------------------------------


def test_targets_are_saved_changed_and_removed(researcher, small, city):
    url = reverse("surveys:monitor", args=[small.pk])
    response = researcher.post(url, {"wijk_WK047913": "120", "wijk_WK047915": " 30 "})
    assert response.status_code == 302
    targets = dict(DistrictTarget.objects.values_list("district__name", "target"))
    assert targets == {"Krommenie": 120, "Westzaan": 30}
    researcher.post(url, {"wijk_WK047913": "0", "wijk_WK047915": ""})
    targets = dict(DistrictTarget.objects.values_list("district__name", "target"))
    assert targets == {"Krommenie": 0}
    researcher.post(url, {"wijk_WK047913": "4"})
    figures = monitoring_for(small)
    krommenie = _row(figures.districts, "WK047913")
    assert (krommenie.target, krommenie.progress) == (4, 3 / 4)
    assert figures.targets_total == 4 and figures.counted_for_targets == 3


@pytest.mark.parametrize("bad", ["1.000", "-5", "12,5", "veel", "100001", "1e3"])
def test_a_bad_target_is_refused_in_dutch_and_nothing_is_saved(researcher, small, city, bad):
    DistrictTarget.objects.create(survey=small, district=city["Westzaan"], target=50)
    url = reverse("surveys:monitor", args=[small.pk])
    response = researcher.post(url, {"wijk_WK047913": "200", "wijk_WK047915": bad})
    assert response.status_code == 400
    assert "Vul een heel getal in van 0 tot en met 100.000" in response.content.decode()
    targets = dict(DistrictTarget.objects.values_list("district__name", "target"))
    assert targets == {"Westzaan": 50}


def test_setting_targets_needs_the_manage_permission(client, small, city):
    user = User.objects.create_user("lezer@example.org")
    user.user_permissions.add(Permission.objects.get(codename="view_results"))
    client.force_login(user)
    url = reverse("surveys:monitor", args=[small.pk])
    assert client.get(url).status_code == 200
    assert "Streefaantallen opslaan" not in client.get(url).content.decode()
    assert client.post(url, {"wijk_WK047913": "200"}).status_code == 404
    assert not DistrictTarget.objects.exists()


def test_a_survey_without_responses_says_so_and_still_takes_targets(researcher, city):
    survey = create_survey_from_spec(small_spec())
    url = reverse("surveys:monitor", args=[survey.pk])
    page = researcher.get(url).content.decode()
    assert "Er zijn nog geen ingevulde vragenlijsten." in page
    assert "grafiek-wijk-naam" not in page
    researcher.post(url, {"wijk_WK047906": "150"})
    assert DistrictTarget.objects.get(survey=survey).target == 150
