"""A survey's responses as numpy columns."""

import numpy as np
import pytest
from django.http import QueryDict

from zaansepas.insights.dataset import NO_ANSWER, load_survey_data
from zaansepas.surveys.answering import save_page, start_response, submit_response
from zaansepas.surveys.tests.survey_fixtures import make_channel, published_survey

pytestmark = pytest.mark.django_db


def answer(channel, pages):
    draft, token = start_response(channel, "nl")
    for page, fields in enumerate(pages):
        data = QueryDict(mutable=True)
        for name, value in fields.items():
            if isinstance(value, list):
                data.setlist(name, value)
            else:
                data[name] = value
        assert save_page(draft, page, data) == {}
    assert submit_response(channel, token).response is not None


def test_every_kind_of_answer_becomes_its_column():
    channel = make_channel(published_survey())
    answer(
        channel,
        [
            {"q-kent_pas": "1"},
            {"q-gebruik": ["sport", "eten"], "q-tevreden": "4"},
            {"q-cijfer": "8", "q-thema-sport": "3", "q-volgorde-tijd": "1", "q-wens": "Zwemles"},
            {"q-kinderen": "2", "q-postcode": "1503", "q-leeftijd": "25-44", "q-geslacht": "v"},
        ],
    )
    answer(channel, [{"q-kent_pas": "0"}, {}, {}, {"q-postcode": "1501"}])
    data = load_survey_data(channel.survey)
    assert data.n == 2
    # Responses have random keys, so their order is random too: find the first one.
    full = list(data.sex).index("v")
    order = [full, 1 - full]
    kent = data.columns["kent_pas"]
    assert kent.option_codes == ["1", "0"] and list(kent.codes[order]) == [0, 1]
    gebruik = data.columns["gebruik"]
    assert list(gebruik.answered[order]) == [True, False]
    assert gebruik.chosen[full].tolist() == [True, False, True, False, False]
    assert list(data.columns["thema.sport"].codes[order]) == [2, NO_ANSWER]
    assert list(data.columns["thema.cultuur"].codes) == [NO_ANSWER, NO_ANSWER]
    assert data.columns["volgorde.tijd"].numbers[full] == 1.0
    assert np.isnan(data.columns["volgorde.geld"].numbers[full])
    cijfer = data.columns["cijfer"].numbers[order]
    assert cijfer[0] == 8.0 and np.isnan(cijfer[1])
    assert [data.columns["wens"].texts[i] for i in order] == ["Zwemles", ""]
    assert list(data.sex[order]) == ["v", ""]
    assert all(code.startswith("WK0479") for code in data.district)
    mask = np.zeros(2, dtype=bool)
    mask[full] = True
    first = data.take(mask)
    assert first.n == 1 and first.columns["wens"].texts == ["Zwemles"]
