"""The results report of a needs scan: the key survey figures (weighted, small cells
hidden), the longlists of needs and offer ideas per theme with their evidence, and the gap
view, as one HTML document that is both the web page and the PDF (WeasyPrint).

Two versions. The researchers' version and the public one show the same aggregates under
the same disclosure control (no count under 10 respondents, no percentage on a base under
30). The public one also:
- exists only for a survey that is published (then marked "voorlopig") or closed: a draft
  has no results anyone may see;
- shows at most three short quotes per item, and drops any that looks like it holds
  contact details (an e-mail address, a phone number, a web address); statements are
  anonymous by design, this is the second lock;
- shows a number of follow-up interviews under 10 as "minder dan 10" (interviewees are
  survey respondents);
- shows a survey share on an item only when that survey may be public too;
- shows an open-answer theme (its count and quotes) only when it holds at least 10 answers
  and its survey may be public."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from zaansepas.city.models import PolicyTheme
from zaansepas.research.models import TargetGroup
from zaansepas.surveys.models import Survey, SurveyStatus
from zaansepas.surveys.texts import pick

from . import longlists
from .analysis import analyse_survey, question_tables
from .charts import render_svg, share_bars
from .disclosure import MIN_BASE, MIN_CELL
from .models import ItemStatus, ListKind, ThemeSet
from .report_questions import Pick, report_picks

PUBLIC_STATUSES = (SurveyStatus.PUBLISHED, SurveyStatus.CLOSED)
QUOTE_LENGTH = 240  # longer statements are not "short quotes": left out of the public report
QUOTES_SHOWN = longlists.QUOTES_SHOWN

CONTACT_PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),  # e-mail
    re.compile(r"(?:\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){7,}"),  # Dutch phone number
    re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE),  # web address
]


def is_public(survey: Survey) -> bool:
    return survey.status in PUBLIC_STATUSES


def public_report_list(language: str) -> list[dict]:
    """Every survey with a public report, newest scan first: what the index page lists.
    Each row carries the title in `language` and the scan year, for grouping by year."""
    surveys = Survey.objects.filter(status__in=PUBLIC_STATUSES).order_by(
        "-published_at", "-version", "-pk"
    )
    return [
        {
            "survey": survey,
            "title": pick(survey.title, language),
            "year": report_year(survey),
            "provisional": survey.status != SurveyStatus.CLOSED,
        }
        for survey in surveys
    ]


report_year = longlists.scan_year


def safe_quote(text: str) -> bool:
    """May this statement be quoted in the public report?"""
    text = " ".join(text.split())
    return (
        bool(text)
        and len(text) <= QUOTE_LENGTH
        and not any(pattern.search(text) for pattern in CONTACT_PATTERNS)
    )


# --- the survey figures ---------------------------------------------------------------------


@dataclass
class Figure:
    code: str
    title: str
    svg: str  # "" when no bar may be drawn (every share hidden)
    kind: str  # "frequency" or "matrix"
    table: dict = field(default_factory=dict)


def survey_figures(analysis, picks: list[Pick]) -> tuple[list[Figure], list[str]]:
    """The figures of the questions picked for the report (report_questions.py), in that
    order, and the codes picked but not in this survey's data."""
    tables = {table["code"]: table for table in question_tables(analysis, analysis.mask_for())}
    figures, missing = [], []
    for chosen in picks:
        table = tables.get(chosen.code)
        if chosen.chart_option:
            figure = _matrix_figure(analysis, tables, chosen.code, chosen.chart_option)
        elif table is not None and table["kind"] == "number":
            figure = _mean_figure(table)
        else:
            figure = _frequency_figure(table, chosen.code)
        if figure is None:
            missing.append(chosen.code)
        else:
            figures.append(figure)
    return figures, missing


def _frequency_figure(table: dict | None, code: str) -> Figure | None:
    if table is None or "rows" not in table:
        return None
    bars = [_bar(row["label"], row) for row in table["rows"]]
    return Figure(
        code, table["text"], _svg(bars, _("aandeel (gewogen)"), table["text"]), "frequency", table
    )


def _mean_figure(table: dict) -> Figure:
    """A number question (a mark from 0 to 10, say) as its weighted mean with interval;
    withheld on fewer than MIN_BASE answers, as on the analysis page."""
    mean = table.get("mean")
    shown = mean is not None and table["base"] >= MIN_BASE and math.isfinite(mean.se)
    return Figure(
        table["code"],
        table["text"],
        "",
        "mean",
        {**table, "mean": mean if shown else None, "min_base": MIN_BASE},
    )


def _matrix_figure(analysis, tables: dict, code: str, chart_option: str) -> Figure | None:
    """A matrix question as one table: a row per matrix row, a column per answer, the
    weighted share in each cell; the chart shows the share answering `chart_option`."""
    codes = [column for column in tables if column.startswith(code + ".")]
    if not codes:
        return None
    first = analysis.data.columns[codes[0]]
    question = first.text.split(" — ")[0]
    index = first.option_codes.index(chart_option) if chart_option in first.option_codes else 0
    rows, bars = [], []
    for column in codes:
        table = tables[column]
        label = analysis.data.columns[column].text.split(" — ", 1)[-1]
        rows.append({"label": label, "cells": table["rows"], "base": table["base"]})
        bars.append(_bar(label, table["rows"][index]))
    value_title = _("aandeel ‘%(answer)s’ (gewogen)") % {"answer": first.labels[index]}
    return Figure(
        code,
        question,
        _svg(bars, value_title, question),
        "matrix",
        {"columns": first.labels, "rows": rows, "chart_answer": first.labels[index]},
    )


def _bar(label: str, row: dict) -> dict:
    return {
        "label": label,
        "share": row["share"].value,
        "low": row["low"].value,
        "high": row["high"].value,
    }


def _svg(bars: list[dict], value_title: str, name: str) -> str:
    if not any(bar["share"] is not None for bar in bars):
        return ""
    return render_svg(share_bars(bars, value_title), name)


# --- open answers --------------------------------------------------------------------------


@dataclass
class OpenAnswerFigure:
    question: str
    answers: int  # answers to the question, themed or not
    rows: list[dict]  # {"label", "n", "share"} per theme of 10+ answers, largest first
    svg: str
    percentages_shown: bool


def open_answer_figures(survey: Survey) -> list[OpenAnswerFigure]:
    """Per open question with stored themes: the themes of at least 10 answers with their
    number and (on 30+ answers) their unweighted share of the answers. Smaller themes are
    not named and their number is not given, so together with the answers without a theme
    they form one remainder that points to no theme."""
    from .answer_themes import open_codes, overview

    figures = []
    # Only questions with stored themes, in survey order: the others' answers are not read.
    sets = {s.question_code: s for s in ThemeSet.objects.filter(survey=survey)}
    for code, text in open_codes(survey):
        if code not in sets:
            continue
        view = overview(sets[code])
        shown = view.answers >= MIN_BASE
        rows = [
            {
                "label": theme.theme.name,
                "n": theme.size,
                "share": theme.size / view.answers if shown else None,
                "low": None,
                "high": None,
            }
            for theme in view.themes
            if theme.size >= MIN_CELL
        ]
        figures.append(
            OpenAnswerFigure(
                question=text,
                answers=view.answers,
                rows=rows,
                svg=_svg(rows, _("aandeel van de antwoorden (ongewogen)"), text),
                percentages_shown=shown,
            )
        )
    return figures


# --- the longlists ---------------------------------------------------------------------------


@dataclass
class ReportItem:
    title: str
    description: str
    status: str
    groups: list[str]
    statements: int
    sessions: int
    interviews: str  # as shown: "minder dan 10" in the public version
    quotes: list[str]
    survey_share: object | None  # longlists.SurveyShare
    # (theme name, number of open answers, the open question)
    answer_themes: list[tuple[str, str, str]] = field(default_factory=list)


def longlist_by_theme(year: int, kind: str, public: bool) -> list[tuple]:
    """(theme name, [ReportItem]) in theme order; items without a theme last. An item with
    two themes is listed under each."""
    group_labels = dict(TargetGroup.choices)
    status_labels = dict(ItemStatus.choices)
    by_theme: dict = {}
    for item in longlists.active_items(year, kind).select_related("survey"):
        shown = _report_item(item, public, group_labels, status_labels)
        for theme in list(item.themes.all()) or [None]:
            by_theme.setdefault(theme, []).append(shown)
    order = {theme.pk: i for i, theme in enumerate(PolicyTheme.objects.all())}
    ordered = sorted(
        by_theme.items(), key=lambda pair: order.get(pair[0].pk, 0) if pair[0] else 1e9
    )
    return [(theme.name if theme else _("Nog zonder thema"), items) for theme, items in ordered]


def _report_item(item, public: bool, group_labels: dict, status_labels: dict) -> ReportItem:
    evidence = longlists.evidence_for(item)
    # A draft item's title is often its first statement: don't print the same words twice.
    quotes = [
        text
        for text in (" ".join(statement.text.split()) for statement in evidence.quotes)
        if longlists.normalise(text) != longlists.normalise(item.title)
    ]
    themes = []
    for found in evidence.answer_themes:
        small = found.answers < MIN_CELL
        if public and (small or not is_public(found.theme.theme_set.survey)):
            # A handful of written answers could point to the people who wrote them.
            continue
        themes.append((found.theme.name, str(found.answers), found.question_text))
        quotes += found.quotes
    if public:
        quotes = [quote for quote in quotes if safe_quote(quote)]
    interviews = str(evidence.interviews)
    if public and 0 < evidence.interviews < MIN_CELL:
        interviews = _("minder dan %(n)s") % {"n": MIN_CELL}
    share = evidence.survey
    if public and item.survey_id and not is_public(item.survey):
        share = None
    return ReportItem(
        title=item.title,
        description=item.description,
        status=str(status_labels.get(item.status, item.status)),
        groups=[str(group_labels[g]) for g in item.target_groups if g in group_labels],
        statements=evidence.statements,
        sessions=evidence.sessions,
        interviews=interviews,
        quotes=quotes[:QUOTES_SHOWN],
        survey_share=share,
        answer_themes=themes,
    )


def gap_rows(year: int) -> tuple[longlists.GapView, list[dict]]:
    view = longlists.gap_view(year)
    rows = [
        {
            "theme": theme.name if theme else _("Nog zonder thema"),
            "items": [item.title for item in items],
            "counts": [
                view.counts.get((theme.pk if theme else None, code), 0) for code, _l in view.groups
            ],
        }
        for theme, items in view.themes
    ]
    return view, rows


# --- the whole report ------------------------------------------------------------------------


def report_context(survey: Survey, public: bool) -> dict:
    analysis = analyse_survey(survey)
    year = report_year(survey)
    figures, missing = survey_figures(analysis, report_picks(survey)[0])
    gaps, rows = gap_rows(year)
    return {
        "survey": survey,
        "survey_title": pick(survey.title, get_language() or "nl"),
        "language": get_language() or "nl",
        "year": year,
        "public": public,
        "provisional": survey.status != SurveyStatus.CLOSED,
        "respondents": analysis.data.n,
        "weighted": analysis.weighted,
        "facts": analysis.facts,
        "problems": analysis.problems,
        "figures": figures,
        "missing": missing,
        "open_answers": open_answer_figures(survey),
        "needs": longlist_by_theme(year, ListKind.NEED, public),
        "ideas": longlist_by_theme(year, ListKind.OFFER_IDEA, public),
        "gaps": gaps,
        "gap_rows": rows,
        "min_cell": MIN_CELL,
        "min_base": MIN_BASE,
    }


def render_report_html(survey: Survey, public: bool, **extra) -> str:
    return render_to_string(
        "insights/report/report.html", {**report_context(survey, public), **extra}
    )


def report_document(html: str, base_url: str | None = None):
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).render()
