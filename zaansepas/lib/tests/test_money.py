import pytest
from hypothesis import given
from hypothesis import strategies as st

from zaansepas.lib.money import format_euro, parse_euro


@pytest.mark.parametrize(
    "text,cents",
    [
        ("1450", 145000),
        ("1450,00", 145000),
        ("1.450,50", 145050),
        ("€ 12", 1200),
        ("1450.5", 145050),
        ("1.234", 123400),
        ("0", 0),
        ("-100", -10000),
        ("0,005", 1),
    ],
)
def test_it_parses_what_people_type(text, cents):
    assert parse_euro(text) == cents


@pytest.mark.parametrize("text", ["", "veel", "1,2,3", "nan", "inf", "€"])
def test_it_refuses_what_is_not_an_amount(text):
    with pytest.raises(ValueError):
        parse_euro(text)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_formatting_then_parsing_gives_the_same_cents(cents):
    assert parse_euro(format_euro(cents)) == cents


def test_it_formats_dutch_notation():
    assert format_euro(123456789) == "€ 1.234.567,89"
    assert format_euro(-5) == "-€ 0,05"


@pytest.mark.parametrize(
    "text,cents",
    [
        ("1,450.00", 145000),
        ("1,450", 145000),
        ("1450.5", 145050),
        ("1450", 145000),
        ("1.450,00", 145000),  # both marks: the last one is the decimal mark
    ],
)
def test_english_pages_read_english_notation(text, cents):
    assert parse_euro(text, english=True) == cents


def test_a_dutch_page_reads_both_marks_by_position():
    assert parse_euro("1,450.00") == 145000


@pytest.mark.parametrize("text", ["1,2,3", "12,34,567.00"])
def test_english_refuses_misplaced_thousands_marks(text):
    with pytest.raises(ValueError):
        parse_euro(text, english=True)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_english_formatting_then_parsing_gives_the_same_cents(cents):
    assert parse_euro(format_euro(cents, english=True), english=True) == cents
