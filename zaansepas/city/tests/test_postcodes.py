import pytest

from zaansepas.city.lookups import InvalidPostcode, district_for_postcode, normalise_postcode
from zaansepas.city.models import Area, AreaKind, PostcodeArea


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("1503 AB", "1503 AB"),
        ("1503ab", "1503 AB"),
        ("1503AB", "1503 AB"),
        ("  1503  ab ", "1503 AB"),
        ("1503-AB", "1503 AB"),
        ("1503\u00a0AB", "1503 AB"),
        ("1503", "1503"),
        ("1503 ", "1503"),
        ("\uff11\uff15\uff10\uff13 AB", "1503 AB"),  # full-width digits from a phone keyboard
    ],
)
def test_it_writes_a_postcode_the_standard_way(typed, expected):
    assert normalise_postcode(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "0503 AB",
        "150 AB",
        "15031 AB",
        "1503 A",
        "1503 ABC",
        "AB 1503",
        "1503 A1",
        "1503 SA",
        "1503 SD",
        "1503 ss",
        "abcd",
        "1503 ÄB",
    ],
)
def test_it_refuses_what_is_not_a_dutch_postcode(typed):
    with pytest.raises(InvalidPostcode) as error:
        normalise_postcode(typed)
    assert str(error.value) == "Vul een geldige postcode in, zoals 1503 AB."


def test_invalid_postcode_is_a_value_error():
    assert issubclass(InvalidPostcode, ValueError)


def test_it_can_insist_on_the_two_letters():
    assert normalise_postcode("1503ab", require_letters=True) == "1503 AB"
    with pytest.raises(InvalidPostcode, match="met de twee letters"):
        normalise_postcode("1503", require_letters=True)


@pytest.fixture
def poelenburg(db):
    municipality = Area.objects.create(code="GM0479", name="Zaanstad", kind=AreaKind.MUNICIPALITY)
    wijk = Area.objects.create(
        code="WK047906", name="Poelenburg", kind=AreaKind.DISTRICT, parent=municipality
    )
    PostcodeArea.objects.create(postcode4="1508", district=wijk)
    return wijk


@pytest.mark.parametrize("typed", ["1508 AB", "1508ab", "1508"])
def test_it_maps_a_zaanstad_postcode_to_its_wijk(poelenburg, typed):
    assert district_for_postcode(typed) == poelenburg


def test_it_finds_no_wijk_for_a_valid_postcode_outside_zaanstad(poelenburg):
    assert district_for_postcode("1011 AB") is None  # Amsterdam


def test_it_refuses_a_bad_postcode_before_looking_it_up(poelenburg):
    with pytest.raises(InvalidPostcode):
        district_for_postcode("15O8 AB")  # letter O instead of zero
