import pytest
from hypothesis import given
from hypothesis import strategies as st

from zaansepas.city.apportion import largest_remainder


def test_it_gives_leftover_units_to_the_largest_remainders():
    # Exact shares 3.33.., 3.33.., 3.33.. → one unit left, to the first on a tie.
    assert largest_remainder(10, [1, 1, 1]) == [4, 3, 3]
    # Exact shares 1.4, 2.1, 3.5 → floors 1, 2, 3; the one left goes to 3.5.
    assert largest_remainder(7, [2, 3, 5]) == [1, 2, 4]


def test_it_refuses_to_split_by_nothing():
    with pytest.raises(ValueError):
        largest_remainder(5, [0, 0])
    assert largest_remainder(0, [0, 0]) == [0, 0]


@given(
    st.integers(min_value=0, max_value=10**7),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8).filter(any),
)
def test_parts_always_sum_to_the_total_and_stay_within_one_of_the_exact_share(total, weights):
    parts = largest_remainder(total, weights)
    assert sum(parts) == total
    for part, weight in zip(parts, weights, strict=True):
        exact = total * weight / sum(weights)
        assert exact - 1 < part < exact + 1
