"""Comparing two waves of one survey series: both weighted shares, the difference B − A with
its interval (independent samples), options matched by code, codes in one wave only and
changed kinds explained, small cells hidden, and bad input answered in Dutch."""

import datetime as dt
import itertools
import re
import uuid

import numpy as np
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from zaansepas.accounts.models import Role
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.city.models import Area, AreaKind, Sex
from zaansepas.insights.analysis import analyse_survey
from zaansepas.insights.waves import compare_waves
from zaansepas.surveys.builder import publish_survey
from zaansepas.surveys.models import Response
from zaansepas.surveys.spec import create_survey_from_spec

pytestmark = pytest.mark.django_db

AGE_BANDS = ["15-24", "25-44", "45-64", "65+"]


def _choice(code, options):
    return {
        "code": code,
        "kind": "single_choice",
        "text": {"nl": f"Vraag {code}"},
        "options": [{"code": c, "label": {"nl": c.capitalize()}} for c in options],
    }


def _number(code):
    return {"code": code, "kind": "number", "text": {"nl": f"Vraag {code}"}}


def _wave(version, questions, answers):
    """A published version of series "golf" with one response per answers dict, spread
    evenly over every wijk, age band and sex so the raking has all its margins."""
    spec = {
        "title": {"nl": "Golf"},
        "sections": [{"title": {"nl": "Alles"}, "questions": questions}],
    }
    survey = create_survey_from_spec(spec, series="golf", version=version)
    publish_survey(survey)
    wijken = list(Area.objects.filter(kind=AreaKind.DISTRICT).order_by("code"))
    cells = itertools.cycle(itertools.product(wijken, AGE_BANDS, [Sex.FEMALE, Sex.MALE]))
    Response.objects.bulk_create(
        Response(
            id=uuid.uuid4(),
            survey=survey,
            submitted_on=dt.date(2026, 5, 1),
            answers=given,
            district=wijk,
            age_band=band,
            sex=sex,
            reference=f"G{version}-{i}",
        )
        for i, (given, (wijk, band, sex)) in enumerate(zip(answers, cells))
    )
    return survey


@pytest.fixture
def researcher(client):
    ensure_role_groups()
    user = get_user_model().objects.create_user("onderzoek@example.nl", "x")
    grant_role(user, Role.RESEARCHER)
    client.force_login(user)
    load_zaanstad_reference_data()
    return user


@pytest.fixture
def waves(researcher):
    """Wave 1: 300 answers on vervoer (fiets/auto/ov/scooter, auto only 6 times), a number,
    and "soort" as a choice. Wave 2: vervoer reordered, scooter dropped, lopen added; "soort"
    became a number; "alleen_twee" is new; "oud" is gone."""
    rng = np.random.default_rng(6)
    first = []
    for i in range(300):
        mode = "auto" if i < 6 else ("fiets" if i % 3 else "ov") if i % 5 else "scooter"
        first.append(
            {"vervoer": mode, "afstand": float(rng.integers(1, 10)), "soort": "a", "oud": "ja"}
        )
    second = []
    for i in range(400):
        mode = ["ov", "fiets", "fiets", "auto", "lopen"][i % 5]
        second.append(
            {"vervoer": mode, "afstand": float(rng.integers(3, 12)), "soort": 3, "alleen_twee": "x"}
        )
    a = _wave(
        1,
        [
            _choice("vervoer", ["fiets", "auto", "ov", "scooter"]),
            _number("afstand"),
            _choice("soort", ["a", "b"]),
            _choice("oud", ["ja", "nee"]),
        ],
        first,
    )
    b = _wave(
        2,
        [
            _choice("vervoer", ["ov", "fiets", "auto", "lopen"]),
            _number("afstand"),
            _number("soort"),
            _choice("alleen_twee", ["x", "y"]),
        ],
        second,
    )
    return a, b


def _by_hand(survey, code, option):
    """Share and se of one option from the analysis' weights, written out."""
    analysis = analyse_survey(survey)
    column = analysis.data.columns[code]
    answered = column.codes >= 0
    w = analysis.weights[answered]
    picked = column.codes[answered] == column.option_codes.index(option)
    share = w[picked].sum() / w.sum()
    n_eff = w.sum() ** 2 / (w**2).sum()
    return share, np.sqrt(share * (1 - share) / n_eff)


def test_the_difference_and_its_interval_match_a_hand_computation(waves):
    a, b = waves
    assert analyse_survey(a).weighted and analyse_survey(b).weighted
    comparison = compare_waves(analyse_survey(a), analyse_survey(b))
    vervoer = next(q for q in comparison.questions if q.code == "vervoer")
    fiets = next(row for row in vervoer.rows if row.code == "fiets")
    share_a, se_a = _by_hand(a, "vervoer", "fiets")
    share_b, se_b = _by_hand(b, "vervoer", "fiets")
    half = 1.959964 * np.sqrt(se_a**2 + se_b**2)
    assert fiets.difference.value == pytest.approx(share_b - share_a, abs=1e-9)
    assert fiets.difference.low == pytest.approx(share_b - share_a - half, abs=1e-6)
    assert fiets.difference.high == pytest.approx(share_b - share_a + half, abs=1e-6)
    # Matched by code, not position: "fiets" is first in wave 1 and second in wave 2.
    assert fiets.a["share"].value == pytest.approx(share_a)
    assert fiets.b["share"].value == pytest.approx(share_b)
    # Cycling fell from about 52% to 40% (−12 points, interval about −21 to −3): a real
    # change; public transport's −7 points (interval −14 to +1) is not.
    assert fiets.difference.significant and fiets.difference.high < 0
    ov = next(row for row in vervoer.rows if row.code == "ov")
    assert ov.difference.low < 0 < ov.difference.high and not ov.difference.significant


def test_numbers_compare_weighted_means(waves):
    a, b = waves
    comparison = compare_waves(analyse_survey(a), analyse_survey(b))
    afstand = next(q for q in comparison.questions if q.code == "afstand")
    d = afstand.means["difference"]
    mean_a, mean_b = afstand.means["a"], afstand.means["b"]
    assert d.value == pytest.approx(mean_b.mean - mean_a.mean)
    assert d.high - d.value == pytest.approx(1.959964 * np.hypot(mean_a.se, mean_b.se), rel=1e-5)
    # Wave 2's numbers run from 3 to 11 instead of 1 to 9: clearly higher.
    assert d.significant and d.low > 0


def test_options_in_one_wave_only_are_reported(waves):
    a, b = waves
    comparison = compare_waves(analyse_survey(a), analyse_survey(b))
    rows = {
        row.code: row for row in next(q for q in comparison.questions if q.code == "vervoer").rows
    }
    assert [code for code in rows] == ["ov", "fiets", "auto", "lopen", "scooter"]
    assert rows["lopen"].a is None and rows["lopen"].difference is None
    assert rows["scooter"].b is None and rows["scooter"].difference is None


def test_small_cells_show_no_figures_in_either_wave(waves):
    a, b = waves
    comparison = compare_waves(analyse_survey(a), analyse_survey(b))
    auto = next(r for r in comparison.questions[0].rows if r.code == "auto")
    # Six drivers in wave 1: hidden there, so no difference either.
    assert auto.a["share"].value is None and auto.difference is None
    assert auto.reason == "klein"


def test_the_page_compares_and_explains_what_it_cannot(client, waves):
    a, b = waves
    response = client.get(reverse("insights:waves", args=[b.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vraag alleen_twee staat alleen in versie 2; vergelijken kan niet." in page
    assert "Vraag oud staat alleen in versie 1; vergelijken kan niet." in page
    assert re.search(
        r"Vraag soort is in versie 1 een vraag met één antwoord en in versie 2 "
        r"een vraag met een getal; vergelijken kan niet\.",
        page,
    )
    assert 'id="golf-tabel-vervoer"' in page
    assert "alleen in versie 2" in page and "alleen in versie 1" in page
    assert "verborgen: minder dan 10 inwoners" in page
    assert 'id="gemiddelde-afstand"' in page
    # The analysis page links here.
    assert (
        reverse("insights:waves", args=[b.pk])
        in client.get(reverse("insights:analysis", args=[b.pk])).content.decode()
    )


def test_a_first_version_says_there_is_nothing_to_compare(client, waves):
    a, _b = waves
    response = client.get(reverse("insights:waves", args=[a.pk]))
    assert response.status_code == 200
    assert "Er is geen eerdere versie van deze vragenlijst" in response.content.decode()


def test_a_bad_version_is_explained(client, waves):
    _a, b = waves
    url = reverse("insights:waves", args=[b.pk])
    for value in ("abc", "2", "7", "-1"):
        response = client.get(url, {"versie": value})
        assert response.status_code == 400
        assert "is geen eerdere versie van deze vragenlijst" in response.content.decode()
    assert client.get(url, {"versie": "1"}).status_code == 200


def test_the_comparison_is_not_found_for_other_roles(client, waves):
    _a, b = waves
    client.force_login(get_user_model().objects.create_user("bakker@example.nl", "x"))
    assert client.get(reverse("insights:waves", args=[b.pk])).status_code == 404
