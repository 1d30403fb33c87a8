"""The demo longlists come from the demo statements, and the demo open answers get themes,
once."""

import pytest

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.insights.demo_data import create_demo_longlists
from zaansepas.insights.models import AnswerCoding, LonglistItem, ThemeSet
from zaansepas.research.demo_data import create_demo_research
from zaansepas.surveys.demo_data import create_demo_survey

pytestmark = pytest.mark.django_db


def test_the_demo_longlists_are_built_from_the_demo_statements_once():
    load_zaanstad_reference_data()
    create_demo_survey()
    create_demo_research()
    made = create_demo_longlists()
    first = made["items"]
    assert first > 10
    assert LonglistItem.objects.filter(statements__isnull=False).distinct().count() == first
    assert made["themes"] == 10
    theme_set = ThemeSet.objects.get()
    assert theme_set.question_code == "meest_helpen"
    assert AnswerCoding.objects.filter(theme__isnull=False).count() > 1000
    # Named as a researcher would, so the report's open-answer section reads well.
    assert theme_set.themes.filter(name="Zwemles", named_by_hand=True).exists()
    again = create_demo_longlists()
    assert (again["items"], again["themes"]) == (first, 0)
    assert ThemeSet.objects.get().pk == theme_set.pk
