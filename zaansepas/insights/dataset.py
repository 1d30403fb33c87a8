"""A survey's responses as columns of numpy arrays, the form every analysis works on.

Read once with values_list (no model instances), so a wave of 100,000 responses loads in
about a second. Per question:
- one choice (single choice, Likert, yes/no, age band) → `codes`: int16 index into the
  options, -1 for no answer (not asked, skipped);
- a matrix → one such column per row, named "<code>.<row>";
- multiple choice → `chosen`: a bool matrix (respondents × options) and `answered`;
- ranking → one numeric column per option, named "<code>.<option>", holding the rank;
- rating and number → `numbers`: float64, NaN for no answer;
- text and postcode → `texts`: the strings ("" for no answer)."""

from dataclasses import dataclass, field

import numpy as np

from zaansepas.surveys.definition import SINGLE_CODE_KINDS, definition_for
from zaansepas.surveys.models import QuestionKind, Response, Survey
from zaansepas.surveys.texts import pick

NO_ANSWER = -1


@dataclass
class Column:
    code: str
    kind: str  # "choice", "multiple", "number", "text"
    text: str  # the question (Dutch), with the row or option for split columns
    labels: list[str] = field(default_factory=list)  # option labels (Dutch), by index
    option_codes: list[str] = field(default_factory=list)
    codes: np.ndarray | None = None
    chosen: np.ndarray | None = None
    answered: np.ndarray | None = None
    numbers: np.ndarray | None = None
    texts: list[str] | None = None

    def take(self, mask: np.ndarray) -> "Column":
        """The same column for the respondents in `mask` only."""
        picked = Column(self.code, self.kind, self.text, self.labels, self.option_codes)
        for name in ("codes", "chosen", "answered", "numbers"):
            value = getattr(self, name)
            if value is not None:
                setattr(picked, name, value[mask])
        if self.texts is not None:
            picked.texts = [text for text, keep in zip(self.texts, mask, strict=True) if keep]
        return picked


@dataclass
class SurveyData:
    survey_id: int
    district: np.ndarray  # CBS wijk code, "" when unknown
    age_band: np.ndarray
    sex: np.ndarray
    tier: np.ndarray  # pass tier of a panel response, "" otherwise
    columns: dict[str, Column]

    @property
    def n(self) -> int:
        return len(self.district)

    def take(self, mask: np.ndarray) -> "SurveyData":
        return SurveyData(
            self.survey_id,
            self.district[mask],
            self.age_band[mask],
            self.sex[mask],
            self.tier[mask],
            {code: column.take(mask) for code, column in self.columns.items()},
        )


def _choice_column(code, text, options, values) -> Column:
    index = {option.code: position for position, option in enumerate(options)}
    codes = np.fromiter((index.get(value, NO_ANSWER) for value in values), np.int16, len(values))
    return Column(
        code,
        "choice",
        text,
        labels=[pick(option.label, "nl") for option in options],
        option_codes=[option.code for option in options],
        codes=codes,
    )


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan


def load_survey_data(survey: Survey) -> SurveyData:
    definition = definition_for(survey)
    rows = list(
        Response.objects.filter(survey=survey)
        .order_by("id")
        .values_list("answers", "district__code", "age_band", "sex", "attributes")
    )
    answers = [row[0] for row in rows]
    columns: dict[str, Column] = {}
    for question in definition.questions:
        if not question.is_question:
            continue
        text = pick(question.text, "nl")
        values = [a.get(question.code) for a in answers]
        if question.kind in SINGLE_CODE_KINDS:
            columns[question.code] = _choice_column(question.code, text, question.options, values)
        elif question.kind == QuestionKind.MATRIX:
            for row in question.rows:
                code = f"{question.code}.{row.code}"
                row_values = [
                    (v or {}).get(row.code) if isinstance(v, dict) else None for v in values
                ]
                columns[code] = _choice_column(
                    code, f"{text} — {pick(row.label, 'nl')}", question.options, row_values
                )
        elif question.kind == QuestionKind.MULTIPLE:
            index = {option.code: position for position, option in enumerate(question.options)}
            chosen = np.zeros((len(values), len(question.options)), dtype=bool)
            for respondent, value in enumerate(values):
                for option_code in value or []:
                    if option_code in index:
                        chosen[respondent, index[option_code]] = True
            columns[question.code] = Column(
                question.code,
                "multiple",
                text,
                labels=[pick(option.label, "nl") for option in question.options],
                option_codes=[option.code for option in question.options],
                chosen=chosen,
                answered=np.fromiter((bool(v) for v in values), bool, len(values)),
            )
        elif question.kind == QuestionKind.RANKING:
            for option in question.options:
                code = f"{question.code}.{option.code}"
                ranks = [
                    (v.index(option.code) + 1)
                    if isinstance(v, list) and option.code in v
                    else np.nan
                    for v in values
                ]
                columns[code] = Column(
                    code,
                    "number",
                    f"{text} — {pick(option.label, 'nl')}",
                    numbers=np.asarray(ranks, dtype=np.float64),
                )
        elif question.kind in (QuestionKind.RATING, QuestionKind.NUMBER):
            columns[question.code] = Column(
                question.code,
                "number",
                text,
                numbers=np.fromiter((_number(v) for v in values), np.float64, len(values)),
            )
        else:
            columns[question.code] = Column(
                question.code, "text", text, texts=[str(v) if v else "" for v in values]
            )
    return SurveyData(
        survey_id=survey.id,
        district=np.asarray([row[1] or "" for row in rows], dtype=object),
        age_band=np.asarray([row[2] or "" for row in rows], dtype=object),
        sex=np.asarray([row[3] or "" for row in rows], dtype=object),
        tier=np.asarray([(row[4] or {}).get("tier", "") for row in rows], dtype=object),
        columns=columns,
    )
