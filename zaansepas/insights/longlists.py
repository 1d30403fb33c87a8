"""Longlists (groslijsten): the needs and offer ideas of a scan year, each backed by its
evidence. The functions here are the only writers of LonglistItem; views call them.

How a first draft is built (`build_longlist_from_statements`): every coded need and offer
idea of the year's sessions and interviews becomes evidence of one item; statements of the
same kind and theme whose text is the same after normalising (lower case, punctuation and
extra spaces dropped) share an item. That only folds exact repeats together: deciding that
"zwemles is te duur" and "zwemdiploma kost 600 euro" are one need is the researchers' work,
done with `merge_items`. Statements already on an item of that year are skipped, so the draft
can be rebuilt after new sessions without duplicating anything."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.city.models import PolicyTheme
from zaansepas.offers.models import Offer
from zaansepas.research.models import Statement, StatementKind, TargetGroup
from zaansepas.surveys.definition import SINGLE_CODE_KINDS, definition_for
from zaansepas.surveys.models import QuestionKind, Survey

from .models import AnswerTheme, ItemStatus, ListKind, LonglistItem

TITLE_LENGTH = 200
QUOTES_SHOWN = 3
STATEMENT_KIND_FOR = {
    ListKind.NEED: StatementKind.NEED,
    ListKind.OFFER_IDEA: StatementKind.OFFER_IDEA,
}


# --- reading ------------------------------------------------------------------------------


def active_items(year: int | None = None, kind: str | None = None):
    """Items still on the list (not merged into another), with their evidence counts."""
    items = LonglistItem.objects.filter(merged_into__isnull=True)
    if year is not None:
        items = items.filter(year=year)
    if kind:
        items = items.filter(kind=kind)
    return items.annotate(
        statement_count=Count("statements", distinct=True),
        session_count=Count("statements__session", distinct=True),
        interview_count=Count("statements__interview", distinct=True),
        offer_count=Count("offers", distinct=True),
    ).prefetch_related("themes")


def gap_items(year: int):
    """Needs with no offer on the pass: no linked offer and not marked "aanbod bestaat"."""
    return (
        active_items(year, ListKind.NEED)
        .filter(offer_count=0)
        .exclude(status=ItemStatus.OFFER_EXISTS)
    )


@dataclass
class GapView:
    themes: list  # (theme or None, [items]) in theme order; None = no theme yet
    groups: list[tuple[str, str]]  # target groups that occur, (code, label)
    counts: dict  # (theme id or None, group code or "") -> number of needs
    total: int


def gap_view(year: int) -> GapView:
    """The gap items grouped by theme, with a count per theme and target group. An item
    with two themes (or groups) is counted under each: the table answers "how many needs
    without an offer concern this theme", not a partition."""
    items = list(gap_items(year))
    by_theme: dict = {}
    counts: dict = {}
    groups_seen: set[str] = set()
    for item in items:
        themes = list(item.themes.all()) or [None]
        groups = item.target_groups or [""]
        groups_seen.update(groups)
        for theme in themes:
            by_theme.setdefault(theme, []).append(item)
            for group in groups:
                key = (theme.pk if theme else None, group)
                counts[key] = counts.get(key, 0) + 1
    order = {theme.pk: i for i, theme in enumerate(PolicyTheme.objects.all())}
    themes = sorted(
        by_theme.items(), key=lambda pair: order.get(pair[0].pk, -1) if pair[0] else 1e9
    )
    labels = dict(TargetGroup.choices)
    groups = [(code, str(labels[code])) for code in TargetGroup.values if code in groups_seen]
    if "" in groups_seen:
        groups.append(("", _("geen doelgroep")))
    return GapView(themes, groups, counts, len(items))


@dataclass
class SurveyShare:
    """The weighted share of residents giving one answer, as it may be shown."""

    question_text: str = ""
    option_label: str = ""
    share: float | None = None
    low: float | None = None
    high: float | None = None
    base: float | None = None
    weighted: bool = False
    problem: str = ""  # why no share is shown


@dataclass
class ThemeEvidence:
    """An open-answer theme on an item: how many survey answers are in it, and its quotes."""

    theme: AnswerTheme
    question_text: str
    answers: int
    quotes: list[str]


@dataclass
class Evidence:
    statements: int
    sessions: int
    interviews: int
    quotes: list[Statement] = field(default_factory=list)
    survey: SurveyShare | None = None
    answer_themes: list[ThemeEvidence] = field(default_factory=list)


def evidence_for(item: LonglistItem) -> Evidence:
    statements = item.statements.all()
    counts = statements.aggregate(
        n=Count("id"),
        sessions=Count("session", distinct=True),
        interviews=Count("interview", distinct=True),
    )
    # Quotes (citaten) say it best; the item's other statements fill up to three.
    quotes = list(statements.filter(kind=StatementKind.QUOTE).order_by("id")[:QUOTES_SHOWN])
    if len(quotes) < QUOTES_SHOWN:
        quotes += list(
            statements.exclude(kind=StatementKind.QUOTE).order_by("id")[
                : QUOTES_SHOWN - len(quotes)
            ]
        )
    return Evidence(
        statements=counts["n"],
        sessions=counts["sessions"],
        interviews=counts["interviews"],
        quotes=quotes,
        survey=survey_share(item.survey, item.survey_question, item.survey_option)
        if item.survey_id
        else None,
        answer_themes=[
            theme_evidence(theme)
            for theme in item.answer_themes.select_related("theme_set__survey")
        ],
    )


def answer_theme_candidates(item: LonglistItem) -> list[AnswerTheme]:
    """Open-answer themes of the item's scan year that are not on it yet."""
    themes = (
        AnswerTheme.objects.exclude(longlist_items=item)
        .select_related("theme_set__survey")
        .order_by("theme_set_id", "name")
    )
    return [t for t in themes if scan_year(t.theme_set.survey) == item.year]


def theme_evidence(theme: AnswerTheme) -> ThemeEvidence:
    from .answer_themes import answers_to, open_question_text, theme_quotes

    theme_set = theme.theme_set
    texts = answers_to(theme_set.survey, theme_set.question_code)
    # Answers emptied or deleted since they were coded are left out.
    strength = {
        response_id: weight
        for response_id, weight in theme.codings.values_list("response_id", "strength")
        if response_id in texts
    }
    return ThemeEvidence(
        theme=theme,
        question_text=open_question_text(theme_set.survey, theme_set.question_code)
        or theme_set.question_code,
        answers=len(strength),
        quotes=theme_quotes(texts, list(strength), strength),
    )


def survey_share(survey: Survey, question: str, option: str) -> SurveyShare:
    """The weighted share of residents who gave `option` to `question`, with its 95%
    interval, through the survey analysis and its disclosure control: no share on a base
    under 30 respondents or for a hidden cell; the reason is given instead."""
    from .analysis import analyse_survey
    from .disclosure import shown_frequencies
    from .estimates import frequencies, multiple_choice

    analysis = analyse_survey(survey)
    column = analysis.data.columns.get(question)
    if column is None or column.kind not in ("choice", "multiple"):
        return SurveyShare(
            problem=_("Vraag %(code)s is geen gesloten vraag van deze vragenlijst.")
            % {"code": question}
        )
    if option not in column.option_codes:
        return SurveyShare(
            question_text=column.text,
            problem=_("Antwoord %(code)s hoort niet bij deze vraag.") % {"code": option},
        )
    index = column.option_codes.index(option)
    weights = analysis.weights
    if column.kind == "choice":
        categorical = pd.Categorical.from_codes(
            column.codes, categories=list(range(len(column.labels)))
        )
        estimate = frequencies(categorical, weights)
    else:
        estimate = multiple_choice(column.chosen, column.answered, weights, column.labels)
    shown = shown_frequencies(estimate)
    row = shown["rows"][index]
    result = SurveyShare(
        question_text=column.text,
        option_label=column.labels[index],
        base=shown["base"].value,
        weighted=analysis.weighted,
    )
    if row["share"].value is None:
        result.problem = (
            _("Te weinig antwoorden om een aandeel te tonen (minder dan 30).")
            if not shown["percentages_shown"]
            else _("Te weinig inwoners gaven dit antwoord om het aandeel te tonen.")
        )
        return result
    result.share = float(np.round(row["share"].value, 6))
    result.low = row["low"].value
    result.high = row["high"].value
    return result


# --- writing ------------------------------------------------------------------------------


def create_item(
    *,
    year: int,
    kind: str,
    title: str,
    description: str = "",
    themes: Iterable[PolicyTheme] = (),
    target_groups: Iterable[str] = (),
    statements: Iterable[Statement] = (),
    answer_themes: Iterable[AnswerTheme] = (),
) -> LonglistItem:
    if kind not in ListKind.values:
        raise ValidationError(_("Kies de lijst: behoefte of aanbodidee."))
    with transaction.atomic():
        item = LonglistItem.objects.create(
            year=_year(year),
            kind=kind,
            title=_title(title),
            description=description.strip(),
            target_groups=_target_groups(target_groups),
        )
        item.themes.set(list(themes))
        if statements:
            item.statements.set(list(statements))
        if answer_themes:
            item.answer_themes.set(list(answer_themes))
    return item


def create_item_from_answer_theme(theme: AnswerTheme, kind: str) -> LonglistItem:
    """A new item named after an open-answer theme, with the theme as its evidence, on the
    list of the survey's scan year."""
    survey = theme.theme_set.survey
    return create_item(year=scan_year(survey), kind=kind, title=theme.name, answer_themes=[theme])


def update_item(
    item: LonglistItem,
    *,
    title: str,
    description: str = "",
    themes: Iterable[PolicyTheme] = (),
    target_groups: Iterable[str] = (),
    survey: Survey | None = None,
    survey_question: str = "",
    survey_option: str = "",
) -> LonglistItem:
    _require_active(item)
    title = _title(title)
    groups = _target_groups(target_groups)
    survey_question, survey_option = survey_question.strip(), survey_option.strip()
    if survey is None:
        if survey_question or survey_option:
            raise ValidationError(_("Kies ook de vragenlijst waar de vraag in staat."))
    else:
        _check_survey_answer(survey, survey_question, survey_option)
    with transaction.atomic():
        item.title = title
        item.description = description.strip()
        item.target_groups = groups
        item.survey = survey
        item.survey_question = survey_question
        item.survey_option = survey_option
        item.save()
        item.themes.set(list(themes))
    return item


def add_statements(item: LonglistItem, statements: Iterable[Statement]) -> None:
    _require_active(item)
    statements = list(statements)
    if any(
        s.kind in (StatementKind.NEED, StatementKind.OFFER_IDEA)
        and s.kind != STATEMENT_KIND_FOR[item.kind]
        for s in statements
    ):
        raise ValidationError(_("Een behoefte en een aanbodidee horen op verschillende lijsten."))
    item.statements.add(*statements)


def set_status(item: LonglistItem, status: str) -> LonglistItem:
    _require_active(item)
    if status not in ItemStatus.values:
        raise ValidationError(_("Deze status bestaat niet."))
    item.status = status
    item.save(update_fields=["status", "updated_at"])
    return item


def link_answer_theme(item: LonglistItem, theme: AnswerTheme) -> None:
    _require_active(item)
    item.answer_themes.add(theme)


def unlink_answer_theme(item: LonglistItem, theme: AnswerTheme) -> None:
    _require_active(item)
    item.answer_themes.remove(theme)


def link_offers(item: LonglistItem, offers: Iterable[Offer]) -> None:
    _require_active(item)
    item.offers.add(*list(offers))


def unlink_offer(item: LonglistItem, offer: Offer) -> None:
    _require_active(item)
    item.offers.remove(offer)


def merge_items(survivor: LonglistItem, others: Iterable[LonglistItem]) -> LonglistItem:
    """Fold `others` into `survivor`: their statements, themes, target groups and offers
    move to it, and each points to it (and leaves the list). All or nothing. The survivor
    keeps its title, description, status and survey answer; it takes the first other's
    survey answer when it has none."""
    others = list(others)
    if not others:
        raise ValidationError(_("Kies minstens één item om samen te voegen."))
    if any(other.pk == survivor.pk for other in others):
        raise ValidationError(_("Een item kan niet met zichzelf worden samengevoegd."))
    with transaction.atomic():
        ids = [survivor.pk, *(other.pk for other in others)]
        # Lock the rows and read them afresh: a second researcher may have merged one.
        fresh = {
            item.pk: item for item in LonglistItem.objects.select_for_update().filter(pk__in=ids)
        }
        if len(fresh) != len(set(ids)):
            raise ValidationError(_("Een van de items bestaat niet meer."))
        survivor = fresh[survivor.pk]
        others = [fresh[other.pk] for other in others]
        for item in (survivor, *others):
            if item.is_merged:
                raise ValidationError(
                    _("“%(title)s” is al samengevoegd met een ander item.") % {"title": item.title}
                )
        for other in others:
            if (other.year, other.kind) != (survivor.year, survivor.kind):
                raise ValidationError(
                    _("Alleen items van dezelfde groslijst (jaar en soort) kunnen samen.")
                )
        groups = list(survivor.target_groups)
        for other in others:
            survivor.statements.add(*other.statements.all())
            survivor.themes.add(*other.themes.all())
            survivor.offers.add(*other.offers.all())
            survivor.answer_themes.add(*other.answer_themes.all())
            groups += [g for g in other.target_groups if g not in groups]
            if not survivor.survey_id and other.survey_id:
                survivor.survey_id = other.survey_id
                survivor.survey_question = other.survey_question
                survivor.survey_option = other.survey_option
        survivor.target_groups = _target_groups(groups)
        survivor.save()
        now = timezone.now()
        other_ids = [other.pk for other in others]
        # Items merged earlier into one of these now point to the survivor: no chains.
        LonglistItem.objects.filter(merged_into__in=other_ids).update(merged_into=survivor)
        LonglistItem.objects.filter(pk__in=other_ids).update(merged_into=survivor, merged_at=now)
    return survivor


def build_longlist_from_statements(year: int) -> list[LonglistItem]:
    """A first draft of both lists of `year` (see the module docstring). Returns the new
    items."""
    year = _year(year)
    on_a_list = Statement.objects.filter(longlist_items__year=year)
    statements = (
        Statement.objects.filter(kind__in=[StatementKind.NEED, StatementKind.OFFER_IDEA])
        .filter(
            Q(session__year=year)
            | Q(interview__held_on__year=year)
            | Q(interview__held_on__isnull=True, interview__drawn_on__year=year)
        )
        .exclude(pk__in=on_a_list)
        .order_by("id")
    )
    groups: dict[tuple, list[Statement]] = {}
    for statement in statements:
        key = (statement.kind, statement.theme_id, normalise(statement.text))
        groups.setdefault(key, []).append(statement)
    created = []
    with transaction.atomic():
        for (kind, theme_id, _text), members in groups.items():
            first = members[0]
            created.append(
                create_item(
                    year=year,
                    kind=ListKind.NEED if kind == StatementKind.NEED else ListKind.OFFER_IDEA,
                    title=_shorten(first.text),
                    themes=[first.theme] if theme_id else [],
                    target_groups=[m.target_group for m in members if m.target_group],
                    statements=members,
                )
            )
    return created


def scan_year(survey: Survey) -> int:
    """The scan year a survey belongs to: the year it went out (or was made)."""
    return (survey.published_at or survey.created_at).year


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


# --- checks -------------------------------------------------------------------------------


def _require_active(item: LonglistItem) -> None:
    if item.is_merged:
        raise ValidationError(_("Dit item is samengevoegd met een ander item; wijzig dat item."))


def _title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Geef het item een titel."))
    if len(title) > TITLE_LENGTH:
        raise ValidationError(
            _("De titel is te lang (hoogstens %(n)s tekens).") % {"n": TITLE_LENGTH}
        )
    return title


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…"


def _year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError(_("Geef een geldig jaar.")) from None
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Geef een geldig jaar."))
    return year


def _target_groups(groups: Iterable[str]) -> list[str]:
    result = []
    for group in groups:
        if group not in TargetGroup.values:
            raise ValidationError(_("Onbekende doelgroep: %(code)s.") % {"code": group})
        if group not in result:
            result.append(group)
    return result


def _check_survey_answer(survey: Survey, question: str, option: str) -> None:
    """The question must be a closed question (or matrix row) of the survey, the option
    one of its answers: otherwise no share could be computed."""
    if not question or not option:
        raise ValidationError(_("Geef bij de vragenlijst ook de vraagcode en de antwoordcode."))
    definition = definition_for(survey)
    code, _dot, row = question.partition(".")
    found = next((q for q in definition.questions if q.code == code), None)
    if found is None:
        raise ValidationError(
            _("Vraag %(code)s staat niet in deze vragenlijst.") % {"code": question}
        )
    if found.kind == QuestionKind.MATRIX:
        if not any(r.code == row for r in found.rows):
            raise ValidationError(
                _("Geef bij een matrixvraag ook de rij, zoals %(code)s.%(row)s.")
                % {"code": code, "row": found.rows[0].code if found.rows else "rij"}
            )
    elif row or (found.kind not in SINGLE_CODE_KINDS and found.kind != QuestionKind.MULTIPLE):
        raise ValidationError(
            _("Vraag %(code)s is geen gesloten vraag; daar is geen aandeel van te geven.")
            % {"code": question}
        )
    if found.option(option) is None:
        raise ValidationError(
            _("Antwoord %(option)s hoort niet bij vraag %(code)s.")
            % {"option": option, "code": question}
        )
