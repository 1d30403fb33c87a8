"""Strata and allocation for the follow-up interview sample.

A stratum is (wijk, pass tier) of a consenting respondent, read from their Response row
through the reference it shares with the FollowUpConsent. The pass tier is the one a
panel invitation carried (`Response.attributes["tier"]`: standaard, minima, bijstand,
mantelzorg); a respondent who came in through another channel has no known tier, so their
answer to "Heeft u zelf een Zaanse Pas?" (`heeft_pas`) places them in "pashouder, soort
onbekend" or "geen pas"; without that answer the tier is "onbekend". The wijk is the
response's district (from the postcode or the channel), or "onbekend".

Allocation is proportional to the stratum sizes, with at least one per non-empty stratum
when the sample is at least as large as the number of strata:
1. every stratum gets round-down of its proportional share, but at least 1 and at most
   its size;
2. while the total is short, a unit goes to the stratum whose share is furthest above
   what it got (and still has people left); while it is over, one is taken from the
   stratum furthest above its share that has more than one;
3. ties go by the strata's order (wijk code, then tier), so the result is deterministic.
When the sample is smaller than the number of strata, not every stratum can have one:
`size` strata are picked at random with probability proportional to their size
(Efraimidis–Spirakis keys from the seeded generator), one person each, so every consenting
respondent keeps about the same chance to be drawn.
"""

from __future__ import annotations

import math
import random

from django.utils.translation import gettext_lazy as _

from zaansepas.passes.models import Tier

# Tiers beside the four of a pass.
TIER_PASS_UNKNOWN = "pas"
TIER_NO_PASS = "geen_pas"
TIER_UNKNOWN = ""

TIER_LABELS = {
    **{tier.value: tier.label for tier in Tier},
    TIER_PASS_UNKNOWN: _("pashouder, soort onbekend"),
    TIER_NO_PASS: _("geen pas"),
    TIER_UNKNOWN: _("onbekend"),
}

Stratum = tuple[str, str]  # (wijk code or "", tier)


def tier_of(attributes: dict | None, has_pass_answer) -> str:
    """The pass tier of a respondent, from a panel invitation or else from `heeft_pas`."""
    tier = (attributes or {}).get("tier")
    if tier in Tier.values:
        return tier
    # SQLite hands a JSON "1" read by key back as the number 1; PostgreSQL as "1".
    answer = None if has_pass_answer is None else str(has_pass_answer)
    if answer == "1":
        return TIER_PASS_UNKNOWN
    if answer == "0":
        return TIER_NO_PASS
    return TIER_UNKNOWN


def tier_label(tier: str) -> str:
    return str(TIER_LABELS.get(tier, tier))


def allocate(sizes: dict[Stratum, int], size: int, rng: random.Random) -> dict[Stratum, int]:
    """How many to draw from each stratum (see the module text). `size` must lie between 1
    and the total of `sizes`; strata of size 0 get nothing."""
    strata = sorted(key for key, count in sizes.items() if count > 0)
    total = sum(sizes[key] for key in strata)
    if not 1 <= size <= total:
        raise ValueError("size must be between 1 and the number of people")
    if size < len(strata):
        keyed = sorted(strata, key=lambda key: -(rng.random() ** (1 / sizes[key])))
        picked = set(keyed[:size])
        return {key: int(key in picked) for key in strata}
    quota = {key: size * sizes[key] / total for key in strata}
    alloc = {key: min(sizes[key], max(1, math.floor(quota[key]))) for key in strata}
    while sum(alloc.values()) < size:
        room = [key for key in strata if alloc[key] < sizes[key]]
        best = max(room, key=lambda key: (quota[key] - alloc[key], -strata.index(key)))
        alloc[best] += 1
    while sum(alloc.values()) > size:
        spare = [key for key in strata if alloc[key] > 1]
        best = max(spare, key=lambda key: (alloc[key] - quota[key], -strata.index(key)))
        alloc[best] -= 1
    return alloc
