"""Stored themes of a survey's open answers, and the researchers' work on them: find the
themes (open_answers.find_themes) and keep them, rename, merge and split themes, and code a
single answer by hand. The functions here are the only writers of ThemeSet, AnswerTheme and
AnswerCoding; views call them.

What is stored is the coding (response → theme), never a copy of the answer: the texts are
read from the responses when shown, so deleting a response at the end of its retention also
removes its answer from every theme and quote.

Answers that come in after the themes were found have no coding; they are shown as "new"
and can be coded by hand or the themes found again."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.surveys.definition import definition_for
from zaansepas.surveys.models import QuestionKind, Response, Survey
from zaansepas.surveys.texts import pick

from .models import AnswerCoding, AnswerTheme, ThemeSet
from .open_answers import (
    BY_HAND,
    MAX_THEMES,
    OpenAnswersError,
    Settings,
    auto_name,
    find_themes,
    merged_terms,
    no_theme_reason_label,
    pick_quotes,
    split_members,
)
from .theme_carry_over import carry_over, take_snapshot

OPEN_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
EXTRA_STOPWORDS = 30  # a researcher's own stopwords; more is a sign of a wrong question
NAME_LENGTH = 100


# --- reading ----------------------------------------------------------------------------


@dataclass
class OpenQuestion:
    code: str
    text: str
    answers: int  # responses with a non-empty answer
    theme_set: ThemeSet | None = None
    themes: int = 0


def open_questions(survey: Survey) -> list[OpenQuestion]:
    """The survey's open questions in survey order, each with its number of answers and its
    stored themes (if found)."""
    sets = {
        s.question_code: s
        for s in ThemeSet.objects.filter(survey=survey).annotate(theme_count=Count("themes"))
    }
    found = []
    for code, text in open_codes(survey):
        theme_set = sets.get(code)
        found.append(
            OpenQuestion(
                code=code,
                text=text,
                answers=len(answers_to(survey, code)),
                theme_set=theme_set,
                themes=theme_set.theme_count if theme_set else 0,
            )
        )
    return found


def open_codes(survey: Survey) -> list[tuple[str, str]]:
    """(answer code, text) of every open text: short and long text questions, and the
    "anders, namelijk" text of a choice question (stored as "<code>.other"), where residents
    say what the options missed."""
    codes = []
    for question in definition_for(survey).questions:
        text = pick(question.text, "nl")
        if question.kind in OPEN_KINDS:
            codes.append((question.code, text))
        elif any(option.is_other for option in question.options):
            codes.append((f"{question.code}.other", f"{text} — {_('anders, namelijk')}"))
    return codes


def open_question(survey: Survey, code: str) -> OpenQuestion | None:
    """One open question, with its answers counted; the others' answers are not read."""
    text = open_question_text(survey, code)
    if text is None:
        return None
    theme_set = (
        ThemeSet.objects.filter(survey=survey, question_code=code)
        .annotate(theme_count=Count("themes"))
        .first()
    )
    return OpenQuestion(
        code=code,
        text=text,
        answers=len(answers_to(survey, code)),
        theme_set=theme_set,
        themes=theme_set.theme_count if theme_set else 0,
    )


def open_question_text(survey: Survey, code: str) -> str | None:
    """The text of open question `code`, or None when the survey has no such open text."""
    return dict(open_codes(survey)).get(code)


def answers_to(survey: Survey, code: str) -> dict:
    """{response id: text} of the responses that answered open question `code` with some
    text, in a fixed order (by response id) so finding themes twice gives the same result."""
    rows = (
        Response.objects.filter(survey=survey).order_by("id").values_list("id", f"answers__{code}")
    )
    return {pk: text for pk, text in rows if isinstance(text, str) and text.strip()}


@dataclass
class ThemeView:
    theme: AnswerTheme
    size: int
    share: float  # of the answers that have a theme
    terms: list[tuple[str, float]]
    quotes: list[str]
    longlist_items: list = field(default_factory=list)


@dataclass
class Overview:
    """What the themes page shows of one stored set."""

    theme_set: ThemeSet
    themes: list[ThemeView]  # largest first
    answers: int  # answers now (coded or not)
    in_themes: int
    without_theme: list[tuple[str, int]]  # (reason label, number), most first
    new: int  # answers that came in after the themes were found
    by_hand: int

    @property
    def without(self) -> int:
        """Answers in no theme, new ones included."""
        return self.answers - self.in_themes


def overview(theme_set: ThemeSet) -> Overview:
    texts = answers_to(theme_set.survey, theme_set.question_code)
    members: dict[int, list] = {}
    strength: dict = {}
    reasons: Counter = Counter()
    coded = set()
    by_hand = 0
    for response_id, theme_id, weight, hand, reason in theme_set.codings.values_list(
        "response_id", "theme_id", "strength", "by_hand", "no_theme_reason"
    ):
        if response_id not in texts:  # the answer was emptied or its response deleted
            continue
        coded.add(response_id)
        by_hand += hand
        if theme_id is None:
            reasons[reason] += 1
        else:
            members.setdefault(theme_id, []).append(response_id)
            strength[response_id] = weight
    in_themes = sum(len(m) for m in members.values())
    themes = []
    for theme in theme_set.themes.prefetch_related("longlist_items"):
        ids = members.get(theme.pk, [])
        themes.append(
            ThemeView(
                theme=theme,
                size=len(ids),
                share=len(ids) / in_themes if in_themes else 0.0,
                terms=list(zip(theme.terms, theme.weights, strict=True)),
                quotes=theme_quotes(texts, ids, strength),
                longlist_items=[i for i in theme.longlist_items.all() if not i.is_merged],
            )
        )
    themes.sort(key=lambda view: (-view.size, view.theme.pk))
    return Overview(
        theme_set=theme_set,
        themes=themes,
        answers=len(texts),
        in_themes=in_themes,
        without_theme=[(no_theme_reason_label(r), n) for r, n in reasons.most_common()],
        new=len(texts) - len(coded),
        by_hand=by_hand,
    )


def theme_quotes(texts: dict, ids: list, strength: dict) -> list[str]:
    """The three representative quotes of a theme with answers `ids`."""
    ordered = [texts[i] for i in ids]
    weights = [strength.get(i, 0.0) for i in ids]
    return [ordered[j] for j in pick_quotes(ordered, range(len(ordered)), weights)]


@dataclass
class CodedAnswer:
    response_id: object
    text: str
    theme_id: int | None
    by_hand: bool
    reason: str  # label; "" when in a theme
    strength: float = 0.0


def coded_answers(theme_set: ThemeSet, theme: AnswerTheme | None) -> list[CodedAnswer]:
    """The answers in `theme`, or (None) those without a theme, new ones included; strongest
    first, then in response order."""
    texts = answers_to(theme_set.survey, theme_set.question_code)
    codings = {
        c.response_id: c
        for c in theme_set.codings.only(
            "response_id", "theme_id", "by_hand", "no_theme_reason", "strength"
        )
    }
    new_label = _("binnengekomen nadat de thema's gevonden zijn")
    found = []
    for response_id, text in texts.items():
        coding = codings.get(response_id)
        theme_id = coding.theme_id if coding else None
        if (theme is None and theme_id is not None) or (theme and theme_id != theme.pk):
            continue
        reason = ""
        if theme_id is None:
            reason = no_theme_reason_label(coding.no_theme_reason) if coding else new_label
        found.append(
            CodedAnswer(
                response_id,
                text,
                theme_id,
                bool(coding and coding.by_hand),
                reason,
                coding.strength if coding else 0.0,
            )
        )
    # Stable sort: equal strengths (all 0 outside a theme) keep the response order.
    found.sort(key=lambda answer: -answer.strength)
    return found


# --- writing ----------------------------------------------------------------------------


def find_and_store_themes(
    survey: Survey, code: str, themes: int | None = None, extra_stopwords: str = ""
) -> ThemeSet:
    """Find the themes in the answers to open question `code` and store them, replacing
    earlier themes of that question. What researchers did to those carries over where a new
    theme is recognisably an old one (theme_carry_over.py); the rest is lost, and the page
    asks first. Raises OpenAnswersError (Dutch) when it can't."""
    if open_question_text(survey, code) is None:
        raise OpenAnswersError(
            _("Vraag %(code)s is geen open vraag van deze vragenlijst.") % {"code": code}
        )
    if themes is not None and not 2 <= themes <= MAX_THEMES:
        raise OpenAnswersError(
            _("Kies tussen 2 en %(max)d thema's, of laat het vak leeg.") % {"max": MAX_THEMES}
        )
    settings = Settings(extra_stopwords=_stopwords(extra_stopwords))
    texts = answers_to(survey, code)
    if not texts:
        raise OpenAnswersError(_("Niemand heeft deze vraag nog beantwoord."))
    ids = list(texts)
    result = find_themes(list(texts.values()), themes, settings=settings)
    try:
        return _store(survey, code, settings, result, ids)
    except IntegrityError:
        # A colleague stored themes for this question at the same moment (the unique
        # set per question), or a response was deleted meanwhile: nothing of ours stays.
        raise OpenAnswersError(
            _(
                "Tegelijk met u zijn de thema's van deze vraag veranderd. Er is niets "
                "opgeslagen; bekijk de thema's en zoek zo nodig opnieuw."
            )
        ) from None


def _store(survey: Survey, code: str, settings: Settings, result, ids: list) -> ThemeSet:
    with transaction.atomic():
        old = ThemeSet.objects.select_for_update().filter(survey=survey, question_code=code)
        snapshot = take_snapshot(old[0]) if old else None
        old.delete()
        theme_set = ThemeSet.objects.create(
            survey=survey,
            question_code=code,
            settings=asdict(settings),
            scores=[list(s) for s in result.scores],
        )
        rows = [
            AnswerTheme.objects.create(
                theme_set=theme_set,
                name=theme.name,
                terms=list(theme.terms),
                weights=list(theme.weights),
            )
            for theme in result.themes
        ]
        AnswerCoding.objects.bulk_create(
            AnswerCoding(
                theme_set=theme_set,
                response_id=ids[i],
                theme=None if t is None else rows[t],
                strength=result.strength[i],
                no_theme_reason=result.no_theme_reason[i] if t is None else "",
            )
            for i, t in enumerate(result.assignment)
        )
        if snapshot is not None:
            carry_over(snapshot, theme_set)
    return theme_set


def rename_answer_theme(theme: AnswerTheme, name: str) -> AnswerTheme:
    name = " ".join((name or "").split())
    if not name or len(name) > NAME_LENGTH:
        raise OpenAnswersError(
            _("Geef het thema een naam van 1 tot %(n)d tekens.") % {"n": NAME_LENGTH}
        )
    with transaction.atomic():
        _lock(theme.theme_set)
        # An update, not a save: the theme may have been merged away meanwhile.
        if not AnswerTheme.objects.filter(pk=theme.pk).update(name=name, named_by_hand=True):
            raise OpenAnswersError(_gone_message())
        _touch(theme.theme_set)
    theme.name, theme.named_by_hand = name, True
    return theme


def merge_answer_themes(keep: AnswerTheme, other: AnswerTheme) -> AnswerTheme:
    """`other` folded into `keep`: its answers, and its links to longlist items, move over;
    the terms are both lists weighted by size (open_answers.merged_terms); the name stays
    `keep`'s if a researcher gave it, else it is made from the merged terms."""
    if keep.theme_set_id != other.theme_set_id:
        raise OpenAnswersError(_("Kies twee thema's van dezelfde vraag om samen te voegen."))
    if keep.pk == other.pk:
        raise OpenAnswersError(_("Kies twee verschillende thema's om samen te voegen."))
    with transaction.atomic():
        _lock(keep.theme_set)
        keep, other = _fresh(keep), _fresh(other)
        sizes = {t: AnswerCoding.objects.filter(theme=t).count() for t in (keep.pk, other.pk)}
        terms, weights = merged_terms(
            (keep.terms, keep.weights, sizes[keep.pk]),
            (other.terms, other.weights, sizes[other.pk]),
        )
        AnswerCoding.objects.filter(theme=other).update(theme=keep)
        for item in other.longlist_items.all():
            item.answer_themes.add(keep)
        other.delete()
        keep.terms, keep.weights = list(terms), list(weights)
        if not keep.named_by_hand:
            keep.name = auto_name(terms)
        keep.save()
    return keep


def split_answer_theme(theme: AnswerTheme, parts: int | None = None) -> list[AnswerTheme]:
    """Theme `theme` split into `parts` themes (by default chosen by stability): the theme
    becomes the first part, new themes the others. Longlist items that named the theme name
    every part: all of them are still evidence. Answers coded by hand keep that mark."""
    theme_set = theme.theme_set
    texts = answers_to(theme_set.survey, theme_set.question_code)
    with transaction.atomic():
        _lock(theme_set)
        theme = _fresh(theme)
        codings = [c for c in theme.codings.all() if c.response_id in texts]
        answers = [texts[c.response_id] for c in codings]
        split = split_members(answers, range(len(answers)), _settings(theme_set), parts)
        terms, weights = split.parts[0]
        theme.terms, theme.weights = list(terms), list(weights)
        theme.name, theme.named_by_hand = auto_name(terms), False
        theme.save()
        made = [theme]
        items = list(theme.longlist_items.all())
        for terms, weights in split.parts[1:]:
            new = AnswerTheme.objects.create(
                theme_set=theme_set,
                name=auto_name(terms),
                terms=list(terms),
                weights=list(weights),
            )
            for item in items:
                item.answer_themes.add(new)
            made.append(new)
        for j, coding in enumerate(codings):
            coding.theme = made[split.placed[j]]
            if not coding.by_hand:
                coding.strength = split.strength[j]
        AnswerCoding.objects.bulk_update(codings, ["theme", "strength"])
        _touch(theme_set)
    return made


def code_answer(theme_set: ThemeSet, response_id, theme: AnswerTheme | None) -> AnswerCoding:
    """One answer coded by hand: into `theme` (of this set) or out of every theme. Works
    for answers that came in after the themes were found, too."""
    if theme is not None and theme.theme_set_id != theme_set.pk:
        raise OpenAnswersError(_("Dit thema hoort niet bij deze vraag."))
    try:
        response_id = uuid.UUID(str(response_id))
    except ValueError:
        response_id = None
    # Only this response's answer is read: it must be one of the survey's, with some text.
    text = (
        Response.objects.filter(pk=response_id, survey=theme_set.survey_id)
        .values_list(f"answers__{theme_set.question_code}", flat=True)
        .first()
    )
    if response_id is None or not (isinstance(text, str) and text.strip()):
        raise OpenAnswersError(_("Dit antwoord bestaat niet (meer)."))
    with transaction.atomic():
        _lock(theme_set)
        theme = _fresh(theme) if theme is not None else None
        coding, _created = AnswerCoding.objects.update_or_create(
            theme_set=theme_set,
            response_id=response_id,
            defaults={
                "theme": theme,
                "strength": 0.0,
                "by_hand": True,
                "no_theme_reason": "" if theme else BY_HAND,
            },
        )
        _touch(theme_set)
    return coding


# --- helpers ----------------------------------------------------------------------------


def _stopwords(text: str) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(w.strip().lower() for w in text.replace("\n", ",").split(",")))
    words = tuple(w for w in words if w)
    if len(words) > EXTRA_STOPWORDS:
        raise OpenAnswersError(
            _("Geef hoogstens %(n)d eigen stopwoorden.") % {"n": EXTRA_STOPWORDS}
        )
    if any(len(w) > 40 or " " in w for w in words):
        raise OpenAnswersError(_("Eigen stopwoorden zijn losse woorden, gescheiden door komma's."))
    return words


def _lock(theme_set: ThemeSet) -> None:
    """Edits of one set one at a time: two researchers merging at once would otherwise
    move codings to a theme the other just deleted. The set itself may be gone when a
    colleague found the themes again meanwhile."""
    if ThemeSet.objects.select_for_update().filter(pk=theme_set.pk).first() is None:
        raise OpenAnswersError(
            _("Deze thema's zijn intussen opnieuw gezocht; bekijk de nieuwe thema's.")
        )


def _fresh(theme: AnswerTheme) -> AnswerTheme:
    fresh = AnswerTheme.objects.filter(pk=theme.pk).first()
    if fresh is None:
        raise OpenAnswersError(_gone_message())
    return fresh


def _gone_message() -> str:
    return _("Dit thema bestaat niet meer; misschien is het samengevoegd.")


def _touch(theme_set: ThemeSet) -> None:
    ThemeSet.objects.filter(pk=theme_set.pk).update(updated_at=timezone.now())


def _settings(theme_set: ThemeSet) -> Settings:
    stored = dict(theme_set.settings)
    stored["extra_stopwords"] = tuple(stored.get("extra_stopwords", ()))
    return Settings(**stored)
