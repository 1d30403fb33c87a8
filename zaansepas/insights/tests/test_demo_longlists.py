"""The demo longlists come from the demo statements, once."""

import pytest

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.insights.demo_data import create_demo_longlists
from zaansepas.insights.models import LonglistItem
from zaansepas.research.demo_data import create_demo_research
from zaansepas.surveys.demo_data import create_demo_survey

pytestmark = pytest.mark.django_db


def test_the_demo_longlists_are_built_from_the_demo_statements_once():
    load_zaanstad_reference_data()
    create_demo_survey()
    create_demo_research()
    first = create_demo_longlists()["items"]
    assert first > 10
    assert LonglistItem.objects.filter(statements__isnull=False).distinct().count() == first
    assert create_demo_longlists()["items"] == first
