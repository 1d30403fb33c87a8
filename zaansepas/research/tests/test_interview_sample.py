"""The interview sample: stratified by wijk and pass tier, proportional with at least one
per stratum, only consenting respondents, never twice, reproducible with a seed."""

import random
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from zaansepas.research.actions import draw_interview_sample, interview_strata
from zaansepas.research.models import Interview
from zaansepas.research.sampling import allocate

from .fixtures import add_respondent, make_survey, make_wijk

pytestmark = pytest.mark.django_db


@pytest.fixture
def population():
    """20 consenting respondents in four strata of 10, 6, 3 and 1, plus 30 who did not
    consent (all in the biggest stratum, so drawing one of them would show)."""
    survey = make_survey()
    poelenburg = make_wijk("WK047906", "Poelenburg")
    krommenie = make_wijk("WK047913", "Krommenie")
    refs = {"A": [], "B": [], "C": [], "D": []}
    for _ in range(10):
        refs["A"].append(add_respondent(survey, poelenburg, has_pass="1"))
    for _ in range(6):
        refs["B"].append(add_respondent(survey, krommenie, has_pass="0"))
    for _ in range(3):
        refs["C"].append(add_respondent(survey, krommenie, tier="minima", has_pass="1"))
    refs["D"].append(add_respondent(survey, None))
    silent = [add_respondent(survey, poelenburg, has_pass="1", consent=False) for _ in range(30)]
    return survey, refs, silent


def _strata(interviews):
    return Counter((i.district.code if i.district else "", i.tier) for i in interviews)


def test_it_allocates_proportionally_with_at_least_one_per_stratum(population):
    survey, refs, _silent = population
    sample = draw_interview_sample(survey, 10, seed=7)
    assert _strata(sample.interviews) == {
        ("WK047906", "pas"): 5,
        ("WK047913", "geen_pas"): 3,
        ("WK047913", "minima"): 1,
        ("", ""): 1,
    }
    drawn = {i.reference for i in sample.interviews}
    assert drawn == {i.reference for i in Interview.objects.all()}
    # Each interview sits in the stratum its respondent belongs to.
    by_ref = {ref: group for group, group_refs in refs.items() for ref in group_refs}
    assert Counter(by_ref[ref] for ref in drawn) == {"A": 5, "B": 3, "C": 1, "D": 1}


def test_only_consenting_respondents_are_drawn_and_never_twice(population):
    survey, refs, silent = population
    first = draw_interview_sample(survey, 12, seed=1)
    second = draw_interview_sample(survey, 8, seed=1)
    first_refs = {i.reference for i in first.interviews}
    second_refs = {i.reference for i in second.interviews}
    consenting = {ref for group in refs.values() for ref in group}
    assert len(first_refs) == 12 and len(second_refs) == 8
    assert not first_refs & second_refs
    assert first_refs | second_refs == consenting
    assert not (first_refs | second_refs) & set(silent)


def test_the_same_seed_draws_the_same_sample(population):
    survey, _refs, _silent = population
    first = [i.reference for i in draw_interview_sample(survey, 6, seed=42).interviews]
    Interview.objects.all().delete()
    again = [i.reference for i in draw_interview_sample(survey, 6, seed=42).interviews]
    Interview.objects.all().delete()
    other = [i.reference for i in draw_interview_sample(survey, 6, seed=43).interviews]
    assert first == again
    assert first != other


def test_asking_for_more_than_there_are_consents_gives_a_dutch_message_and_draws_nothing(
    population,
):
    survey, _refs, _silent = population
    with pytest.raises(ValidationError) as error:
        draw_interview_sample(survey, 21)
    assert error.value.messages == [
        "U vroeg om 21 gesprekken, maar maar 20 respondenten gaven toestemming en zijn nog "
        "niet getrokken. Kies 20 of minder; er is niets getrokken."
    ]
    assert not Interview.objects.exists()
    draw_interview_sample(survey, 20)
    with pytest.raises(ValidationError) as error:
        draw_interview_sample(survey, 1)
    assert "geen respondenten meer" in error.value.messages[0]


@pytest.mark.parametrize("size", [0, -3, "5", 2.5, True, 501])
def test_a_size_that_is_not_a_whole_number_from_1_to_500_is_refused(population, size):
    survey, _refs, _silent = population
    with pytest.raises(ValidationError):
        draw_interview_sample(survey, size)
    assert not Interview.objects.exists()


def test_the_strata_table_counts_what_is_left_and_what_was_drawn(population):
    survey, _refs, _silent = population
    draw_interview_sample(survey, 10, seed=7)
    rows = {(r.district.code if r.district else "", r.tier): r for r in interview_strata(survey)}
    assert (rows[("WK047906", "pas")].available, rows[("WK047906", "pas")].drawn) == (5, 5)
    assert (rows[("", "")].available, rows[("", "")].drawn) == (0, 1)


def test_an_interview_holds_no_contact_details_and_no_answers():
    names = {field.name for field in Interview._meta.get_fields()}
    assert not names & {"name", "email", "phone", "answers", "response"}


def test_allocation_sums_to_the_size_and_respects_stratum_sizes():
    rng = random.Random(3)
    for _ in range(300):
        sizes = {(f"W{n}", "x"): rng.randint(0, 12) for n in range(rng.randint(1, 9))}
        total = sum(sizes.values())
        if total == 0:
            continue
        size = rng.randint(1, total)
        alloc = allocate(sizes, size, random.Random(0))
        assert sum(alloc.values()) == size
        assert all(0 <= alloc[key] <= sizes[key] for key in alloc)
        non_empty = [key for key, count in sizes.items() if count]
        if size >= len(non_empty):
            assert all(alloc[key] >= 1 for key in non_empty)
        else:
            assert sorted(alloc.values(), reverse=True)[:size] == [1] * size


def test_with_fewer_places_than_strata_each_chosen_stratum_gets_one():
    sizes = {("A", ""): 50, ("B", ""): 1, ("C", ""): 1}
    picks = Counter()
    for seed in range(200):
        alloc = allocate(sizes, 1, random.Random(seed))
        assert sum(alloc.values()) == 1
        picks.update(key for key, n in alloc.items() if n)
    # Picked in proportion to size: the big stratum nearly always.
    assert picks[("A", "")] > 170
