"""Themes in open answers: planted themes are found back, bad input gets Dutch explanations,
and the researcher's edits (rename, merge, split, code by hand) return consistent results."""

from __future__ import annotations

import json
import math
import random
from collections import Counter

import pytest

from zaansepas.insights.dutch_text import content_words, looks_dutch, normalise, words
from zaansepas.insights.open_answers import (
    EMPTY,
    NO_SHARED_WORDS,
    OTHER_LANGUAGE,
    OpenAnswersError,
    ThemeResult,
    find_themes,
    merge_themes,
    move_answer,
    rename_theme,
    split_theme,
)

# --- a synthetic survey with planted themes ----------------------------------------------
#
# Each theme is a set of sentence builders: a need ("what") in several wordings and
# synonyms, sometimes a who or a why, wrapped in the openers and endings residents use.
# Themes share everyday words on purpose ("te duur", "in de buurt", "voor ouderen",
# "hulp"), so telling them apart takes more than one keyword.

PLANTED = {
    "sport": {
        "what": [
            "zwemles",
            "zwemles",
            "zwemmen",
            "zwemdiploma",
            "het zwembad",
            "sporten",
            "voetbal",
            "de sportclub",
            "lid worden van een sportvereniging",
            "turnen",
            "judo",
            "dansles",
            "de contributie van de sportclub",
        ],
        "who": [
            "voor mijn kinderen",
            "voor de kinderen",
            "voor de kids",
            "voor mijn zoon",
            "voor mijn dochter",
            "voor ons kind",
            "",
        ],
        "why": [
            "is te duur",
            "kost te veel",
            "kunnen we niet betalen",
            "daar is geen geld voor",
            "zodat ze kunnen bewegen",
            "want ze zitten veel binnen",
            "",
        ],
        "pattern": ["{what} {who} {why}", "{what} {who}", "goedkoper {what} {who}", "{what}"],
    },
    "vervoer": {
        "what": [
            "de bus",
            "de buskaart",
            "het ov",
            "openbaar vervoer",
            "de trein",
            "reizen met de bus",
            "een ov-chipkaart",
            "vervoer naar het ziekenhuis",
            "de reiskosten",
            "de regiotaxi",
        ],
        "who": ["", "", "voor ouderen", "voor mij", "voor de kinderen naar school"],
        "why": [
            "is veel te duur",
            "te duur",
            "kost te veel geld",
            "rijdt bijna niet in het weekend",
            "gaat niet vaak genoeg",
            "is niet te betalen",
            "",
        ],
        "pattern": [
            "{what} {why}",
            "korting op {what} {who}",
            "goedkoper {what} {who}",
            "gratis {what} {who}",
            "{what} {who} {why}",
        ],
    },
    "eenzaamheid": {
        "what": [
            "samen eten",
            "samen eten met mensen uit de buurt",
            "een maaltijd met anderen",
            "samen koken en eten",
            "een koffieochtend",
            "gezelschap",
            "contact met andere mensen",
            "een maatje",
            "iemand om mee te praten",
            "een buurtmaaltijd",
        ],
        "who": ["voor ouderen", "voor alleenstaanden", "voor mij", "", "voor eenzame ouderen"],
        "why": [
            "ik ben veel alleen",
            "ik voel me eenzaam",
            "sinds mijn man overleden is zit ik alleen thuis",
            "ik ken niemand in de wijk",
            "eenzaamheid is een groot probleem",
            "",
        ],
        "pattern": ["{what} {who}, {why}", "{what} {who}", "{why}, {what}", "{what}"],
    },
    "witgoed": {
        "what": [
            "een wasmachine",
            "een tweedehands wasmachine",
            "een koelkast",
            "een droger",
            "witgoed",
            "een nieuwe wasmachine",
            "een fornuis",
            "een diepvries",
        ],
        "who": ["", "van de kringloop", "uit de kringloopwinkel", "via de weggeefwinkel"],
        "why": [
            "de mijne is kapot",
            "onze wasmachine is stuk",
            "ik kan geen nieuwe kopen",
            "de koelkast doet het niet meer",
            "",
        ],
        "pattern": ["{what} {who}, {why}", "{what} {who}", "{why}, {what} {who}", "{what}"],
    },
    "digitaal": {
        "what": [
            "hulp met de computer",
            "hulp bij de computer",
            "uitleg over mijn telefoon",
            "iemand die helpt met digid",
            "een computercursus",
            "les in internetten",
            "hulp met apps op de telefoon",
            "een laptop",
            "een tablet",
            "hulp met mijn mail en internet",
        ],
        "who": ["", "voor ouderen", "in de bibliotheek", "bij mij thuis"],
        "why": [
            "ik snap het niet",
            "alles moet tegenwoordig online",
            "ik kan niet met de computer omgaan",
            "digid is te moeilijk",
            "",
        ],
        "pattern": ["{what} {who}, {why}", "{what} {who}", "{why}, {what}", "{what}"],
    },
    "taal": {
        "what": [
            "taalles",
            "nederlandse les",
            "les in het nederlands",
            "nederlands leren",
            "een taalcursus",
            "een taalmaatje",
            "beter nederlands spreken",
            "taalles met kinderopvang",
        ],
        "who": ["", "voor vrouwen", "overdag", "in de buurt", "voor nieuwkomers"],
        "why": [
            "ik spreek de taal nog niet goed",
            "dan kan ik brieven lezen",
            "dan vind ik makkelijker werk",
            "ik wil de taal beter leren",
            "",
        ],
        "pattern": ["{what} {who}, {why}", "{what} {who}", "{why}, {what}", "{what}"],
    },
}
OPENERS = ["", "", "", "Vooral ", "Ik zou graag ", "Voor mij ", "Eigenlijk ", "Het liefst "]
ENDINGS = ["", "", ".", ".", "!", ". Dank u wel.", ", dat zou fijn zijn.", "..."]
NOISE = [
    "weet ik niet",
    "geen idee",
    "niks",
    "nvt",
    "-",
    "alles is goed zo",
    "korting bij de kapper",
    "een goedkope tandarts",
    "meer bankjes in het park",
    "minder formulieren",
    "de gemeente moet beter luisteren",
    "hondenpoepbakken in de straat",
]


def _typo(rng: random.Random, text: str) -> str:
    """One word typed in a hurry: two letters swapped or one dropped."""
    tokens = text.split(" ")
    long = [n for n, t in enumerate(tokens) if len(t) > 4 and t.isalpha()]
    if not long:
        return text
    n = rng.choice(long)
    word = tokens[n]
    at = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        tokens[n] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        tokens[n] = word[:at] + word[at + 1 :]
    return " ".join(tokens)


def planted_answers(n: int, seed: int, noise: float = 0.1) -> tuple[list[str], list[str]]:
    """`n` answers and the planted theme of each ("noise" for answers with no theme)."""
    rng = random.Random(seed)
    names = list(PLANTED)
    # Themes of different sizes, as in a real survey.
    sizes = [rng.uniform(0.5, 1.5) for _ in names]
    answers, labels = [], []
    for _ in range(n):
        if rng.random() < noise:
            answers.append(rng.choice(NOISE))
            labels.append("noise")
            continue
        name = rng.choices(names, weights=sizes)[0]
        spec = PLANTED[name]
        what = rng.choice(spec["what"])
        if rng.random() < 0.3:  # residents often name two things: "de bus en de trein"
            what = f"{what} {rng.choice(['en', 'of', 'en ook'])} {rng.choice(spec['what'])}"
        text = rng.choice(spec["pattern"]).format(
            what=what, who=rng.choice(spec["who"]), why=rng.choice(spec["why"])
        )
        text = " ".join(text.replace(" ,", ",").split()).strip(", ")
        text = f"{rng.choice(OPENERS)}{text}{rng.choice(ENDINGS)}"
        if rng.random() < 0.15:
            text = _typo(rng, text)
        if rng.random() < 0.5:
            text = text[0].upper() + text[1:]
        answers.append(text)
        labels.append(name)
    return answers, labels


def purity_and_nmi(result: ThemeResult, labels: list[str]) -> tuple[float, float]:
    """Purity over the answers with a planted theme (an answer left without a theme counts as
    wrong), and the normalised mutual information (arithmetic mean) of themes and labels."""
    pairs = [
        (t, label) for t, label in zip(result.assignment, labels, strict=True) if label != "noise"
    ]
    by_theme: dict = {}
    for t, label in pairs:
        if t is not None:
            by_theme.setdefault(t, Counter())[label] += 1
    purity = sum(c.most_common(1)[0][1] for c in by_theme.values()) / len(pairs)

    n = len(pairs)
    joint = Counter(("none" if t is None else t, label) for t, label in pairs)
    left = Counter(a for a, _b in joint.elements())
    right = Counter(b for _a, b in joint.elements())
    mi = sum(c / n * math.log(c * n / (left[a] * right[b])) for (a, b), c in joint.items())
    h_left = -sum(c / n * math.log(c / n) for c in left.values())
    h_right = -sum(c / n * math.log(c / n) for c in right.values())
    return purity, mi / ((h_left + h_right) / 2)


def assert_consistent(result: ThemeResult) -> None:
    """Members, quotes, assignments and reasons tell the same story."""
    for t, theme in enumerate(result.themes):
        assert theme.members, "no empty themes"
        assert all(result.assignment[i] == t for i in theme.members)
        assert set(theme.quotes) <= set(theme.members)
        assert len(theme.terms) == len(theme.weights)
    assert sum(theme.size for theme in result.themes) + len(result.unassigned) == len(
        result.answers
    )
    for i, t in enumerate(result.assignment):
        assert (t is None) == bool(result.no_theme_reason[i])


# --- finding planted themes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "seed"),
    [(300, 1), (800, 2), (2000, 3), (500, 4), (1200, 5), (400, 6), (700, 9), (900, 10)],
)
def test_planted_themes_are_found_back_with_purity_of_at_least_0_8(count, seed):
    answers, labels = planted_answers(count, seed)
    result = find_themes(answers)
    purity, nmi = purity_and_nmi(result, labels)
    print(f"n={count} seed={seed} themes={len(result.themes)} purity={purity:.3f} nmi={nmi:.3f}")
    assert purity >= 0.8
    assert nmi >= 0.65
    assert result.chosen_by == "automatic"
    assert [k for k, _score in result.scores] == list(range(3, 13))
    assert 3 <= len(result.themes) <= 12
    assert_consistent(result)
    # Most answers with a planted theme get a theme; most noise answers ("weet ik niet") don't.
    planted = [t for t, label in zip(result.assignment, labels, strict=True) if label != "noise"]
    assert sum(t is not None for t in planted) >= 0.97 * len(planted)


def test_the_same_answers_and_seed_give_the_same_themes():
    answers, _labels = planted_answers(600, 11)
    assert find_themes(answers) == find_themes(answers)


def test_the_researcher_can_fix_the_number_of_themes():
    answers, labels = planted_answers(1200, 5)
    result = find_themes(answers, 6)
    assert len(result.themes) == 6
    assert result.chosen_by == "researcher"
    assert result.scores == ()
    assert purity_and_nmi(result, labels)[0] >= 0.8


def test_top_terms_show_the_word_residents_typed_not_the_stem():
    answers = ["activiteiten voor ouderen in de wijk", "meer activiteiten voor jongeren"] * 10
    answers += ["een wasmachine van de kringloop", "wasmachines zijn te duur"] * 10
    answers += ["taalles overdag", "taalles met kinderopvang erbij"] * 10
    result = find_themes(answers, 3)
    terms = {term for theme in result.themes for term in theme.terms}
    assert {"activiteiten", "wasmachine", "taalles"} <= terms
    assert "actif" not in terms
    for theme in result.themes:
        assert theme.weights[0] == 1.0
        assert list(theme.weights) == sorted(theme.weights, reverse=True)
        assert theme.name == ", ".join(theme.terms[:3])


def test_each_theme_has_three_quotes_that_are_strong_readable_and_not_repeats():
    answers, _labels = planted_answers(800, 2)
    result = find_themes(answers)
    for theme in result.themes:
        assert len(theme.quotes) == 3
        sets = [{normalise(w) for w in words(answers[i])} for i in theme.quotes]
        for n, a in enumerate(sets):
            for b in sets[n + 1 :]:
                assert len(a & b) / len(a | b) < 0.6
        # The quotes are among the strongest members of the theme.
        strongest = sorted((result.strength[i] for i in theme.members), reverse=True)
        cut = strongest[min(len(strongest) - 1, max(10, len(strongest) // 4))]
        assert all(result.strength[i] >= cut for i in theme.quotes)


def test_empty_stopword_and_lonely_answers_get_no_theme_with_the_reason():
    answers, _labels = planted_answers(300, 1)
    answers = answers + ["", None, "   ", "weet ik niet", "nvt", "xylofoonstemmer", 42]
    result = find_themes(answers)
    reasons = result.no_theme_reason[-7:]
    assert reasons == (EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, NO_SHARED_WORDS, EMPTY)
    assert all(t is None for t in result.assignment[-7:])
    assert_consistent(result)


def test_answers_in_another_language_are_set_aside():
    answers, _labels = planted_answers(300, 1)
    foreign = [
        "I would like more help with the computer and my phone",
        "Çocuklar için yüzme dersi çok pahalı, bir indirim olsun",
        "مساعدة في تعلم اللغة الهولندية",
        "Potrzebuję pomocy z komputerem i nie mam pieniędzy",
    ]
    result = find_themes(answers + foreign)
    assert result.no_theme_reason[-4:] == (OTHER_LANGUAGE,) * 4
    assert looks_dutch("zwemles") and looks_dutch("Hulp met de computer, ik snap het niet")


# --- bad input -----------------------------------------------------------------------------


def test_no_answers_at_all_is_explained_in_dutch():
    with pytest.raises(OpenAnswersError, match="geen open antwoorden"):
        find_themes([])


def test_only_empty_and_one_word_answers_are_explained_with_the_counts():
    answers = ["", "nvt", "geld", "zwemles", "weet ik niet", "-", "rust"] * 3
    with pytest.raises(OpenAnswersError) as refused:
        find_themes(answers)
    message = refused.value.messages[0]
    assert "te weinig antwoorden" in message
    assert "van de 21" in message


def test_only_foreign_answers_are_explained():
    answers = ["I need help with the computer and my phone for the bank"] * 30
    with pytest.raises(OpenAnswersError, match="30 antwoorden lijken in een andere taal"):
        find_themes(answers)


def test_more_themes_than_the_answers_allow_is_refused():
    answers, _labels = planted_answers(40, 3)
    with pytest.raises(OpenAnswersError, match="U vroeg om 12 thema's"):
        find_themes(answers, 12)
    with pytest.raises(OpenAnswersError, match="minstens één thema"):
        find_themes(answers, 0)


def test_a_very_long_answer_is_analysed_in_part_and_kept_whole():
    answers, _labels = planted_answers(300, 1)
    letter = "Ik wil graag zwemles voor mijn kinderen want het is te duur. " * 5000
    result = find_themes([*answers, letter])
    assert result.answers[-1] == letter
    assert result.assignment[-1] is not None
    assert_consistent(result)


# --- the researcher's edits ----------------------------------------------------------------


def test_renaming_a_theme_returns_a_new_result():
    answers, _labels = planted_answers(300, 1)
    result = find_themes(answers)
    renamed = rename_theme(result, 0, "  Zwemmen   voor kinderen ")
    assert renamed.themes[0].name == "Zwemmen voor kinderen"
    assert renamed.themes[0].named_by_hand
    assert not result.themes[0].named_by_hand
    with pytest.raises(OpenAnswersError, match="naam van 1 tot 100 tekens"):
        rename_theme(result, 0, "   ")
    with pytest.raises(OpenAnswersError, match="bestaat niet"):
        rename_theme(result, 99, "x")


def test_merging_two_themes_joins_their_answers_and_terms():
    answers, _labels = planted_answers(800, 2)
    result = find_themes(answers)
    a, b = result.themes[1], result.themes[2]
    merged = merge_themes(rename_theme(result, 1, "Samen"), 1, 2)
    assert len(merged.themes) == len(result.themes) - 1
    theme = next(t for t in merged.themes if t.name == "Samen")
    assert set(theme.members) == set(a.members) | set(b.members)
    assert a.terms[0] in theme.terms and b.terms[0] in theme.terms
    assert len(theme.quotes) == 3
    assert_consistent(merged)
    assert len(result.themes[1].members) == a.size  # the original is untouched
    with pytest.raises(OpenAnswersError, match="twee verschillende"):
        merge_themes(result, 1, 1)


def test_splitting_a_merged_theme_finds_the_two_parts_back():
    answers, labels = planted_answers(1200, 5)
    result = find_themes(answers, 6)
    pure = [
        t
        for t, theme in enumerate(result.themes)
        if Counter(labels[i] for i in theme.members).most_common(1)[0][1] >= 0.95 * theme.size
    ]
    first, second = pure[0], pure[1]
    before = {i: result.assignment[i] for i in range(len(answers))}
    merged = merge_themes(result, first, second)
    keep = merged.assignment[result.themes[first].members[0]]
    split = split_theme(merged, keep, 2)
    assert len(split.themes) == len(result.themes)
    assert_consistent(split)
    # Pairs of answers that were together (or apart) before the merge are so again.
    members = list(result.themes[first].members + result.themes[second].members)
    agree = sum(
        (before[i] == before[j]) == (split.assignment[i] == split.assignment[j])
        for n, i in enumerate(members[:200])
        for j in members[n + 1 : 200]
    )
    pairs = len(members[:200]) * (len(members[:200]) - 1) / 2
    assert agree / pairs >= 0.9
    with pytest.raises(OpenAnswersError, match="minstens twee delen"):
        split_theme(merged, keep, 1)


def test_a_small_theme_cannot_be_split_into_more_parts_than_it_has_answers_for():
    answers, _labels = planted_answers(300, 1)
    result = find_themes(answers)
    smallest = len(result.themes) - 1
    with pytest.raises(OpenAnswersError, match="te weinig verschillende antwoorden"):
        split_theme(result, smallest, result.themes[smallest].size)


def test_moving_an_answer_codes_it_by_hand():
    answers, _labels = planted_answers(300, 1)
    result = find_themes(answers)
    answer = result.themes[0].members[0]
    moved = move_answer(result, answer, 1)
    assert moved.assignment[answer] == 1
    assert answer in moved.coded_by_hand and answer not in result.coded_by_hand
    assert moved.strength[answer] == 0.0
    assert result.assignment[answer] == 0
    assert_consistent(moved)
    out = move_answer(moved, answer, None)
    assert out.assignment[answer] is None
    assert out.no_theme_reason[answer] == "by_hand"
    empty = next(i for i, reason in enumerate(result.no_theme_reason) if reason)
    assert move_answer(result, empty, 0).assignment[empty] == 0
    with pytest.raises(OpenAnswersError, match="bestaat niet"):
        move_answer(result, len(answers), 0)


def test_moving_the_last_answer_out_of_a_theme_removes_the_theme():
    answers, _labels = planted_answers(300, 1)
    result = find_themes(answers)
    last = len(result.themes) - 1
    for answer in result.themes[last].members:
        result = move_answer(result, answer, 0)
    assert len(result.themes) == last
    assert_consistent(result)


def test_a_result_survives_a_trip_through_json():
    answers, _labels = planted_answers(300, 1)
    result = merge_themes(move_answer(rename_theme(find_themes(answers), 0, "Sport"), 5, 1), 1, 2)
    stored = json.loads(json.dumps(result.as_dict()))
    assert ThemeResult.from_dict(stored) == result


# --- Dutch words ----------------------------------------------------------------------------


def test_dutch_words_are_normalised_stemmed_and_filtered():
    assert normalise("Één Café in Oekraïens") == "een cafe in oekraiens"
    assert [s for s, _w in content_words("Ik zou graag meer zwemles voor mijn kinderen!")] == [
        "zwemles",
        "kind",
    ]
    assert content_words("weet ik niet, geen idee") == []
    stems = {s for s, _w in content_words("zwemles zwemlessen taalles ouderen ouders")}
    assert stems == {"zwemles", "taalles", "oudere", "ouder"}


def test_dutch_compounds_are_split_into_words_the_answers_use():
    from zaansepas.insights.dutch_text import split_compound, stem

    # Known: the stems of words other answers use on their own.
    known = {stem(w) for w in ["zwemmen", "les", "sport", "reizen", "kosten", "vereniging"]}
    assert split_compound("zwemles", known) == ("zwem", "les")
    assert split_compound("reiskosten", known) == ("reis", "kost")
    assert split_compound("sportvereniging", known) == ("sport", stem("vereniging"))
    assert split_compound("ouderen", known) is None
    assert split_compound("wasmachine", known) is None


# --- the demo survey -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_surveys_open_answers_get_themes():
    from zaansepas.city.demo_data import load_zaanstad_reference_data
    from zaansepas.surveys.demo_data import create_demo_survey
    from zaansepas.surveys.models import Response

    load_zaanstad_reference_data()
    survey = create_demo_survey()["survey"]
    answers = [
        r.answers.get("meest_helpen")
        for r in Response.objects.filter(survey=survey).order_by("pk")
        if r.answers.get("meest_helpen")
    ]
    result = find_themes(answers)
    print(f"\n{len(answers)} answers, {len(result.themes)} themes, scores {result.scores}")
    for theme in result.themes:
        print(f"\n[{theme.size}] {theme.name}: {', '.join(theme.terms)}")
        for i in theme.quotes:
            print(f"   - {answers[i]}")
    reasons = Counter(result.no_theme_reason[i] for i in result.unassigned)
    print(f"\nno theme: {dict(reasons)}")
    assert len(result.themes) >= 3
    assert_consistent(result)
    assert len(result.unassigned) < 0.2 * len(answers)
    assert all(len(theme.quotes) >= 2 for theme in result.themes)
