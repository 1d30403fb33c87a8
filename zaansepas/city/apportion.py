"""Split a whole number into whole parts in given proportions (largest-remainder method)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def largest_remainder(total: int, weights: Sequence[int | float | Fraction]) -> list[int]:
    """Split total into len(weights) non-negative integers proportional to weights.

    The parts always sum to total exactly. Each part is the floor of its exact share; the
    units left over go to the parts with the largest fractional remainders (ties: the
    earlier part). Exact arithmetic (Fraction), so the result does not depend on float
    rounding. All-zero weights split nothing and are refused unless total is 0.
    """
    if total < 0:
        raise ValueError("total must not be negative")
    if not weights:
        raise ValueError("need at least one weight")
    fractions = [Fraction(w) for w in weights]
    if any(w < 0 for w in fractions):
        raise ValueError("weights must not be negative")
    weight_sum = sum(fractions)
    if weight_sum == 0:
        if total == 0:
            return [0] * len(fractions)
        raise ValueError("cannot split a positive total by weights that are all zero")
    exact = [total * w / weight_sum for w in fractions]
    parts = [int(share) for share in exact]  # floor: shares are non-negative
    left = total - sum(parts)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in by_remainder[:left]:
        parts[i] += 1
    return parts
