"""Finding the themes of an open question again (after new answers came in, or with other
settings) without losing the researchers' work: a new theme that is recognisably an old one
takes over the old one's hand-given name and its links to longlist items, and answers coded
by hand stay where the researcher put them.

"Recognisably": the two themes share at least half of their answers (Jaccard ≥ 0.5). Each
old theme is matched to at most one new theme, best overlap first. An old theme with no
match takes its name and links with it, and its hand-coded answers get the new automatic
coding; the page says so before the researcher confirms."""

from __future__ import annotations

from dataclasses import dataclass

from .models import AnswerCoding, AnswerTheme, LonglistItem, ThemeSet
from .open_answers import BY_HAND

MATCH = 0.5


@dataclass
class Snapshot:
    members: dict[int, set]  # old theme id -> response ids
    names: dict[int, str]  # old theme id -> name, for the themes named by hand
    links: dict[int, list[int]]  # old theme id -> longlist item ids
    by_hand: dict  # response id -> old theme id, or None (taken out of every theme)


def take_snapshot(theme_set: ThemeSet) -> Snapshot:
    members: dict[int, set] = {}
    by_hand = {}
    for response_id, theme_id, hand in theme_set.codings.values_list(
        "response_id", "theme_id", "by_hand"
    ):
        if theme_id is not None:
            members.setdefault(theme_id, set()).add(response_id)
        if hand:
            by_hand[response_id] = theme_id
    themes = list(theme_set.themes.all())
    links: dict[int, list[int]] = {}
    for item_id, theme_id in LonglistItem.answer_themes.through.objects.filter(
        answertheme__in=themes
    ).values_list("longlistitem_id", "answertheme_id"):
        links.setdefault(theme_id, []).append(item_id)
    names = {t.pk: t.name for t in themes if t.named_by_hand}
    return Snapshot(members, names, links, by_hand)


def match_themes(old: dict[int, set], new: dict[int, set]) -> dict[int, int]:
    """{new theme: old theme} for the pairs sharing at least MATCH of their answers, each
    theme used once, best overlap first."""
    pairs = []
    for new_id, new_members in new.items():
        for old_id, old_members in old.items():
            union = len(new_members | old_members)
            overlap = len(new_members & old_members) / union if union else 0.0
            if overlap >= MATCH:
                pairs.append((overlap, new_id, old_id))
    matched: dict[int, int] = {}
    used = set()
    for _overlap, new_id, old_id in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if new_id not in matched and old_id not in used:
            matched[new_id] = old_id
            used.add(old_id)
    return matched


def carry_over(snapshot: Snapshot, theme_set: ThemeSet) -> None:
    """Apply what `snapshot` (of the replaced set) holds to the freshly stored `theme_set`."""
    new_members: dict[int, set] = {}
    for response_id, theme_id in theme_set.codings.filter(theme__isnull=False).values_list(
        "response_id", "theme_id"
    ):
        new_members.setdefault(theme_id, set()).add(response_id)
    matched = match_themes(snapshot.members, new_members)
    old_to_new = {old: new for new, old in matched.items()}
    through = LonglistItem.answer_themes.through
    for new_id, old_id in matched.items():
        if old_id in snapshot.names:
            AnswerTheme.objects.filter(pk=new_id).update(
                name=snapshot.names[old_id], named_by_hand=True
            )
        through.objects.bulk_create(
            through(longlistitem_id=item_id, answertheme_id=new_id)
            for item_id in snapshot.links.get(old_id, [])
        )
    recoded = []
    for coding in theme_set.codings.filter(response_id__in=list(snapshot.by_hand)):
        old_theme = snapshot.by_hand[coding.response_id]
        if old_theme is None:
            coding.theme_id, coding.no_theme_reason = None, BY_HAND
        elif old_theme in old_to_new:
            coding.theme_id, coding.no_theme_reason = old_to_new[old_theme], ""
        else:
            continue
        coding.by_hand, coding.strength = True, 0.0
        recoded.append(coding)
    AnswerCoding.objects.bulk_update(
        recoded, ["theme_id", "no_theme_reason", "by_hand", "strength"]
    )
