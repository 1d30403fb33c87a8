"""Themes in the open answers of a survey: Dutch TF-IDF and NMF, with no model download.

`find_themes(answers)` turns a list of answer texts into themes. Each theme has its top
terms (shown as the word residents typed most, not the stem), the answers that belong to it
and three representative quotes. Every answer gets one dominant theme, or none (empty, a
single stopword, words no other answer shares, or another language).

The steps, each a small function below:

1. words: lower case, accents stripped, stopwords out, Snowball Dutch stems (`dutch_text`),
   plus two-word phrases ("zwemles kinderen") of neighbouring content words;
2. TF-IDF (`term_matrix`): sublinear term frequency (1 + ln tf), smoothed idf
   (ln((1 + n)/(1 + df)) + 1), terms used by fewer than `min_df` answers or by more than
   half of them left out, each answer's row scaled to length 1;
3. NMF: the answers × terms matrix X ≈ W·H with W, H ≥ 0 and k themes, fitted by
   coordinate descent (HALS) from an NNDSVD start, so the same input and seed give the same
   themes;
4. k: unless the researcher sets it, the number of themes in 3..12 whose themes are most
   *stable*: fit on several random 80% subsamples and keep the k whose top terms come back
   the same (Greene, O'Callaghan & Cunningham 2014, "How many topics? Stability analysis for
   topic models"); see docs/open-answers.md.

The researcher's edits are pure functions on the result, each returning a new one:
`rename_theme`, `merge_themes`, `split_theme` and `move_answer` (coding one answer by hand).
The result is plain data (texts, numbers, index lists): `ThemeResult.as_dict()` gives JSON
that `ThemeResult.from_dict()` reads back.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace

import numpy as np
import scipy.sparse as sp
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zaansepas.insights.dutch_text import (
    content_words,
    looks_dutch,
    normalise,
    words,
)
from zaansepas.insights.nmf import TOP_TERMS, choose_k, fit_nmf, stability_by_k
from zaansepas.insights.term_matrix import Settings, build_term_matrix

MIN_THEMES = 3
MAX_THEMES = 12
# Fewer answers than this per theme make themes of coincidences; k is capped accordingly.
MIN_ANSWERS_PER_THEME = 5
QUOTES = 3
# The largest sample the number of themes is chosen on (nmf.stability_by_k); the final fit
# always uses every answer.
STABILITY_MAX_ANSWERS = 2000
NEAR_DUPLICATE = 0.6  # Jaccard overlap of word sets above which two quotes say the same


class OpenAnswersError(ValidationError):
    """The themes cannot be made; `.messages` says why, in Dutch, for the researcher."""


# --- result ----------------------------------------------------------------------------

# Why an answer has no theme (codes stored; labels for the page in `NO_THEME_REASONS`).
EMPTY = "empty"
NO_SHARED_WORDS = "no_shared_words"
OTHER_LANGUAGE = "other_language"
BY_HAND = "by_hand"


def no_theme_reason_label(code: str) -> str:
    return {
        EMPTY: _("leeg of alleen stopwoorden"),
        NO_SHARED_WORDS: _("geen woorden die andere antwoorden ook gebruiken"),
        OTHER_LANGUAGE: _("waarschijnlijk in een andere taal"),
        BY_HAND: _("door een onderzoeker buiten de thema's gezet"),
    }[code]


@dataclass(frozen=True)
class Theme:
    """One theme. `terms` are display words (or two-word phrases) with their weight in the
    theme, strongest first (the strongest is 1.0). `members` and `quotes` are indices into
    the answer list. `named_by_hand` is True once a researcher has renamed it."""

    name: str
    terms: tuple[str, ...]
    weights: tuple[float, ...]
    members: tuple[int, ...]
    quotes: tuple[int, ...]
    named_by_hand: bool = False

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class ThemeResult:
    """Themes for a list of answers.

    Per answer (same order as the input): `assignment` is the index of its theme in `themes`
    or None; `strength` its weight in that theme (0–1; 0 for answers coded by hand, which
    are therefore picked as quotes last); `no_theme_reason` a code ("" when it has a theme).
    `coded_by_hand` holds the answers a researcher placed. `scores` is the stability per k
    tried (empty when the researcher chose k), `chosen_by` "automatic" or "researcher"."""

    answers: tuple[str, ...]
    themes: tuple[Theme, ...]
    assignment: tuple[int | None, ...]
    strength: tuple[float, ...]
    no_theme_reason: tuple[str, ...]
    coded_by_hand: frozenset[int] = frozenset()
    scores: tuple[tuple[int, float], ...] = ()
    chosen_by: str = "automatic"
    settings: Settings = field(default_factory=Settings)

    @property
    def unassigned(self) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(self.assignment) if t is None)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["coded_by_hand"] = sorted(self.coded_by_hand)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ThemeResult:
        settings = dict(data["settings"])
        settings["extra_stopwords"] = tuple(settings["extra_stopwords"])
        return cls(
            answers=tuple(data["answers"]),
            themes=tuple(
                Theme(**{k: tuple(v) if isinstance(v, list) else v for k, v in t.items()})
                for t in data["themes"]
            ),
            assignment=tuple(data["assignment"]),
            strength=tuple(data["strength"]),
            no_theme_reason=tuple(data["no_theme_reason"]),
            coded_by_hand=frozenset(data["coded_by_hand"]),
            scores=tuple(tuple(s) for s in data["scores"]),
            chosen_by=data["chosen_by"],
            settings=Settings(**settings),
        )


# --- quotes ----------------------------------------------------------------------------


def _length_factor(n_words: int) -> float:
    """Prefer quotes of a readable length: one or two words say little, a pasted letter is
    too much for a slide."""
    if n_words <= 2:
        return 0.4
    if n_words <= 4:
        return 0.8
    if n_words <= 60:
        return 1.0
    return 0.7


def pick_quotes(answers: Sequence[str], members: Sequence[int], strength: Sequence[float]):
    """Up to three members with the highest theme weight × length factor, skipping answers
    that (nearly) repeat a quote already picked. Fewer than three when the theme has fewer
    different answers."""
    ranked = sorted(
        members,
        key=lambda i: (-strength[i] * _length_factor(len(words(answers[i]))), i),
    )
    chosen: list[int] = []
    chosen_words: list[set[str]] = []
    for i in ranked:
        these = {normalise(w) for w in words(answers[i])}
        if any(
            these == other or len(these & other) / max(len(these | other), 1) >= NEAR_DUPLICATE
            for other in chosen_words
        ):
            continue
        chosen.append(i)
        chosen_words.append(these)
        if len(chosen) == QUOTES:
            break
    return tuple(chosen)


# --- building a result -----------------------------------------------------------------


def auto_name(terms: Sequence[str]) -> str:
    return ", ".join(terms[:3])


def _assemble(
    answers: tuple[str, ...],
    assignment: list[int | None],
    strength: list[float],
    reasons: list[str],
    term_lists: list[tuple[tuple[str, ...], tuple[float, ...]]],
    names: list[tuple[str, bool]] | None,
    **rest,
) -> ThemeResult:
    """A result from per-answer assignments and per-theme terms: themes with no members are
    dropped, the others ordered largest first, members and quotes filled in."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(assignment):
        if t is not None:
            members[t].append(i)
    order = sorted(members, key=lambda t: (-len(members[t]), t))
    renumber = {old: new for new, old in enumerate(order)}
    themes = []
    for old in order:
        terms, weights = term_lists[old]
        name, by_hand = names[old] if names else (auto_name(terms), False)
        themes.append(
            Theme(
                name=name if by_hand else auto_name(terms),
                terms=terms,
                weights=weights,
                members=tuple(members[old]),
                quotes=pick_quotes(answers, members[old], strength),
                named_by_hand=by_hand,
            )
        )
    return ThemeResult(
        answers=answers,
        themes=tuple(themes),
        assignment=tuple(None if t is None else renumber[t] for t in assignment),
        strength=tuple(float(s) for s in strength),
        no_theme_reason=tuple(reasons),
        **rest,
    )


def _terms_of(h_row: np.ndarray, display: list[str]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    top = [j for j in np.argsort(-h_row, kind="stable")[:TOP_TERMS] if h_row[j] > 0]
    peak = h_row[top[0]] if top else 1.0
    return tuple(display[j] for j in top), tuple(round(float(h_row[j] / peak), 4) for j in top)


def _clean(answers: Sequence) -> tuple[str, ...]:
    """Answers as text: None and anything that is not a string (a stray number in imported
    data) count as empty."""
    return tuple(a if isinstance(a, str) else "" for a in answers)


def find_themes(
    answers: Sequence[str],
    themes: int | None = None,
    *,
    min_themes: int = MIN_THEMES,
    max_themes: int = MAX_THEMES,
    settings: Settings | None = None,
) -> ThemeResult:
    """Themes in `answers` (one text per respondent, empty allowed). `themes` fixes the
    number of themes; by default it is chosen in `min_themes..max_themes` by stability.
    Raises OpenAnswersError (Dutch) when there is too little text to find themes in."""
    settings = settings or Settings()
    texts = _clean(answers)
    if not texts:
        raise OpenAnswersError(_("Er zijn geen open antwoorden om in thema's te verdelen."))
    if themes is not None and themes < 1:
        raise OpenAnswersError(_("Kies minstens één thema."))

    reasons = [""] * len(texts)
    candidates = []
    for i, text in enumerate(texts):
        if not content_words(text):
            reasons[i] = EMPTY
        elif not looks_dutch(text):
            reasons[i] = OTHER_LANGUAGE
        else:
            candidates.append(i)
    matrix = build_term_matrix(texts, candidates, settings)
    has_words = np.diff(matrix.matrix.indptr) > 0
    for i in matrix.rows[~has_words]:
        reasons[i] = NO_SHARED_WORDS
    x = matrix.matrix[has_words]
    rows = matrix.rows[has_words]
    usable = x.shape[0]

    other_language = reasons.count(OTHER_LANGUAGE)
    possible = min(usable // MIN_ANSWERS_PER_THEME, x.shape[1])
    if possible < 2:
        message = _(
            "Er zijn te weinig antwoorden met woorden die ook in andere antwoorden staan "
            "(%(usable)d van de %(total)d) om thema's te maken. Daarvoor zijn er minstens "
            "%(needed)d nodig. Lege antwoorden, antwoorden van één woord en stopwoorden als "
            "'weet ik niet' tellen niet mee."
        ) % {"usable": usable, "total": len(texts), "needed": 2 * MIN_ANSWERS_PER_THEME}
        if other_language:
            message += " " + ngettext(
                "%(count)d antwoord lijkt in een andere taal te zijn.",
                "%(count)d antwoorden lijken in een andere taal te zijn.",
                other_language,
            ) % {"count": other_language}
        raise OpenAnswersError(message)
    if themes is not None and themes > possible:
        raise OpenAnswersError(
            _(
                "U vroeg om %(asked)d thema's, maar met %(usable)d bruikbare antwoorden kunnen "
                "er hoogstens %(possible)d gemaakt worden (minstens %(per)d antwoorden per "
                "thema)."
            )
            % {
                "asked": themes,
                "usable": usable,
                "possible": possible,
                "per": MIN_ANSWERS_PER_THEME,
            }
        )

    scores: list[tuple[int, float]] = []
    if themes is None:
        low, high = max(2, min(min_themes, possible)), min(max_themes, possible)
        sample = np.arange(usable)
        if usable > STABILITY_MAX_ANSWERS:
            rng = np.random.default_rng(settings.seed)
            sample = np.sort(rng.choice(usable, STABILITY_MAX_ANSWERS, replace=False))
        scores = stability_by_k(x[sample], range(low, high + 1), settings.seed)
        k = choose_k(scores)
    else:
        k = themes

    w, h = fit_nmf(x, k, settings.seed)
    assignment: list[int | None] = [None] * len(texts)
    strength = [0.0] * len(texts)
    dominant = np.argmax(w, axis=1)
    peak = w.max(axis=0)
    peak[peak == 0] = 1.0
    for row, i in enumerate(rows):
        t = int(dominant[row])
        if w[row, t] <= 0:  # the fit gave this answer no weight anywhere
            reasons[i] = NO_SHARED_WORDS
            continue
        assignment[i] = t
        strength[i] = min(1.0, float(w[row, t] / peak[t]))
    return _assemble(
        texts,
        assignment,
        strength,
        reasons,
        [_terms_of(h[t], matrix.display) for t in range(k)],
        None,
        scores=tuple(scores),
        chosen_by="automatic" if themes is None else "researcher",
        settings=settings,
    )


# --- the researcher's edits ------------------------------------------------------------


def _check_theme(result: ThemeResult, theme: int) -> None:
    if not 0 <= theme < len(result.themes):
        raise OpenAnswersError(_("Dit thema bestaat niet (meer)."))


def _parts(result: ThemeResult):
    """The pieces `_assemble` takes, copied from a result."""
    return (
        list(result.assignment),
        list(result.strength),
        list(result.no_theme_reason),
        [(t.terms, t.weights) for t in result.themes],
        [(t.name, t.named_by_hand) for t in result.themes],
    )


def _rest(result: ThemeResult, **changes) -> dict:
    rest = {
        "coded_by_hand": result.coded_by_hand,
        "scores": result.scores,
        "chosen_by": result.chosen_by,
        "settings": result.settings,
    }
    rest.update(changes)
    return rest


def rename_theme(result: ThemeResult, theme: int, name: str) -> ThemeResult:
    """The same result with theme `theme` called `name` (1–100 characters)."""
    _check_theme(result, theme)
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise OpenAnswersError(_("Geef het thema een naam van 1 tot 100 tekens."))
    themes = list(result.themes)
    themes[theme] = replace(themes[theme], name=name, named_by_hand=True)
    return replace(result, themes=tuple(themes))


def merge_themes(result: ThemeResult, keep: int, other: int) -> ThemeResult:
    """`other` folded into `keep`. The merged terms are both term lists weighted by the
    themes' sizes; the name is `keep`'s if a researcher gave it one, else made from the
    merged terms; quotes are picked again from all members."""
    _check_theme(result, keep)
    _check_theme(result, other)
    if keep == other:
        raise OpenAnswersError(_("Kies twee verschillende thema's om samen te voegen."))
    assignment, strength, reasons, term_lists, names = _parts(result)
    a, b = result.themes[keep], result.themes[other]
    term_lists[keep] = merged_terms((a.terms, a.weights, a.size), (b.terms, b.weights, b.size))
    assignment = [keep if t == other else t for t in assignment]
    return _assemble(
        result.answers, assignment, strength, reasons, term_lists, names, **_rest(result)
    )


def merged_terms(*themes: tuple[Sequence[str], Sequence[float], int]):
    """The term list of themes taken together: each (terms, weights, size) counts with its
    weights times its size, so a large theme's words lead; strongest scaled to 1."""
    combined: Counter = Counter()
    for terms, weights, size in themes:
        for term, weight in zip(terms, weights, strict=True):
            combined[term] += weight * size
    top = combined.most_common(TOP_TERMS)
    peak = top[0][1] if top and top[0][1] > 0 else 1.0
    return tuple(t for t, _w in top), tuple(round(v / peak, 4) for _t, v in top)


@dataclass(frozen=True)
class Split:
    """How the members of one theme divide: `parts[p]` is (terms, weights) of part p;
    `placed[i]` the part of answer i and `strength[i]` its weight in it (0–1)."""

    parts: list[tuple[tuple[str, ...], tuple[float, ...]]]
    placed: dict[int, int]
    strength: dict[int, float]


def split_members(
    answers: Sequence[str],
    members: Sequence[int],
    settings: Settings,
    parts: int | None = None,
    seed: int | None = None,
) -> Split:
    """Divide the answers `members` into `parts` themes (by default 2–6, chosen by
    stability) by fitting NMF on them alone, counted the same way as the whole set. Members
    that share no words with the rest (answers coded here by hand) go to the largest part,
    with strength 0."""
    seed = settings.seed if seed is None else seed
    matrix = build_term_matrix(answers, list(members), settings)
    has_words = np.diff(matrix.matrix.indptr) > 0
    x = matrix.matrix[has_words]
    rows = matrix.rows[has_words]
    # Keep only the terms these members use, so the fit is on the theme's own vocabulary.
    used = np.unique(x.indices)
    x = sp.csr_matrix(x[:, used])
    display = [matrix.display[j] for j in used]
    possible = min(x.shape[0] // MIN_ANSWERS_PER_THEME, x.shape[1])
    if parts is not None and parts < 2:
        raise OpenAnswersError(_("Splits een thema in minstens twee delen."))
    if possible < 2 or (parts is not None and parts > possible):
        raise OpenAnswersError(
            _(
                "Dit thema heeft te weinig verschillende antwoorden om te splitsen: er zijn "
                "minstens %(per)d antwoorden per deel nodig."
            )
            % {"per": MIN_ANSWERS_PER_THEME}
        )
    if parts is None:
        parts = choose_k(stability_by_k(x, range(2, min(6, possible) + 1), seed))
    w, h = fit_nmf(x, parts, seed)
    peak = w.max(axis=0)
    peak[peak == 0] = 1.0
    dominant = np.argmax(w, axis=1)
    placed: dict[int, int] = {}
    strength: dict[int, float] = {}
    for row, i in enumerate(rows):
        p = int(dominant[row])
        placed[int(i)] = p
        strength[int(i)] = min(1.0, float(w[row, p] / peak[p]))
    largest = Counter(placed.values()).most_common(1)[0][0]
    for i in matrix.rows[~has_words]:
        placed[int(i)] = largest
        strength[int(i)] = 0.0
    return Split([_terms_of(h[p], display) for p in range(parts)], placed, strength)


def split_theme(
    result: ThemeResult, theme: int, parts: int | None = None, seed: int | None = None
) -> ThemeResult:
    """Theme `theme` split by `split_members`; answers coded by hand keep strength 0, so
    the quotes stay answers the themes were found from."""
    _check_theme(result, theme)
    split = split_members(
        result.answers, result.themes[theme].members, result.settings, parts, seed
    )
    assignment, strength, reasons, term_lists, names = _parts(result)
    new_ids = [theme] + [len(term_lists) + p for p in range(len(split.parts) - 1)]
    term_lists[theme] = split.parts[0]
    names[theme] = (auto_name(split.parts[0][0]), False)
    for terms in split.parts[1:]:
        term_lists.append(terms)
        names.append((auto_name(terms[0]), False))
    for i, p in split.placed.items():
        assignment[i] = new_ids[p]
        if i not in result.coded_by_hand:
            strength[i] = split.strength[i]
    return _assemble(
        result.answers, assignment, strength, reasons, term_lists, names, **_rest(result)
    )


def move_answer(result: ThemeResult, answer: int, theme: int | None) -> ThemeResult:
    """Answer `answer` coded by hand into `theme` (None: no theme). Its strength becomes 0,
    so quotes stay the answers the themes were found from; a theme left empty disappears."""
    if not 0 <= answer < len(result.answers):
        raise OpenAnswersError(_("Dit antwoord bestaat niet."))
    if theme is not None:
        _check_theme(result, theme)
    assignment, strength, reasons, term_lists, names = _parts(result)
    assignment[answer] = theme
    strength[answer] = 0.0
    reasons[answer] = "" if theme is not None else BY_HAND
    return _assemble(
        result.answers,
        assignment,
        strength,
        reasons,
        term_lists,
        names,
        **_rest(result, coded_by_hand=result.coded_by_hand | {answer}),
    )
