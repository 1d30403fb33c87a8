"""Reading one question's answer from a submitted page, and checking it. Field names:
q-<code> (also repeated for multiple choice), q-<code>-other for "anders, namelijk",
q-<code>-<row> for a matrix row and q-<code>-<option> for a rank.

Stored values: a choice code (str) for single choice, Likert, yes/no and age band; a list
of codes for multiple choice; codes in rank order for ranking; {row: code} for a matrix;
int for a rating; int or a decimal string for a number; str for text and postcode."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from zaansepas.city.models import PostcodeArea

from .chrome import say
from .definition import QuestionDef
from .models import QuestionKind
from .texts import pick

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 5000


@dataclass
class Answer:
    value: object = None  # None: not answered
    other: str = ""
    error: str = ""


def _field(code: str, *parts: str) -> str:
    return "-".join(("q", code, *parts))


def _clean_text(raw: str) -> str:
    # Control characters never belong in an answer (and break exports); keep newlines.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", raw).strip()


def read_answer(question: QuestionDef, data, language: str) -> Answer:
    """Parse and check the answer to one question. `data` is a QueryDict-like mapping."""
    reader = _READERS[question.kind]
    answer = reader(question, data, language)
    if answer.error:
        return answer
    if question.required and answer.value in (None, "", [], {}):
        return Answer(error=say(language, "error_required"))
    return answer


def _other_option(question):
    return next((option for option in question.options if option.is_other), None)


def _single(question, data, language) -> Answer:
    raw = data.get(_field(question.code), "")
    typed_other = _clean_text(data.get(_field(question.code, "other"), ""))
    if raw == "" and typed_other and _other_option(question):
        # Someone typed in "anders, namelijk" but forgot the button: that is their answer.
        raw = _other_option(question).code
    if raw == "":
        return Answer()
    option = question.option(raw)
    if option is None:
        return Answer(error=say(language, "error_choice"))
    other = ""
    if option.is_other:
        other = _clean_text(data.get(_field(question.code, "other"), ""))
        if not other:
            return Answer(error=say(language, "error_other"))
        if len(other) > SHORT_TEXT_MAX:
            return Answer(error=say(language, "error_too_long", max=SHORT_TEXT_MAX))
    return Answer(value=raw, other=other)


def _multiple(question, data, language) -> Answer:
    raw = set(data.getlist(_field(question.code)))
    other_option = _other_option(question)
    if other_option and _clean_text(data.get(_field(question.code, "other"), "")):
        raw.add(other_option.code)  # typed in "anders, namelijk" without ticking it
    if not raw:
        return Answer()
    known = {option.code for option in question.options}
    if raw - known:
        return Answer(error=say(language, "error_choice"))
    chosen = [option for option in question.options if option.code in raw]
    exclusive = next((option for option in chosen if option.is_exclusive), None)
    if exclusive and len(chosen) > 1:
        return Answer(error=say(language, "error_exclusive", label=pick(exclusive.label, language)))
    max_choices = question.settings.get("max_choices")
    if max_choices and len(chosen) > int(max_choices):
        return Answer(error=say(language, "error_max_choices", max=max_choices))
    other = ""
    if any(option.is_other for option in chosen):
        other = _clean_text(data.get(_field(question.code, "other"), ""))
        if not other:
            return Answer(error=say(language, "error_other"))
        if len(other) > SHORT_TEXT_MAX:
            return Answer(error=say(language, "error_too_long", max=SHORT_TEXT_MAX))
    return Answer(value=[option.code for option in chosen], other=other)


def _rating(question, data, language) -> Answer:
    raw = data.get(_field(question.code), "").strip()
    if raw == "":
        return Answer()
    if not re.fullmatch(r"\d{1,2}", raw) or int(raw) > 10:
        return Answer(error=say(language, "error_choice"))
    return Answer(value=int(raw))


def _number(question, data, language) -> Answer:
    raw = data.get(_field(question.code), "").strip().replace(" ", "")
    if raw == "":
        return Answer()
    decimals = int(question.settings.get("decimals", 0) or 0)
    # Dutch writes 3,5; accept both separators, but never thousands separators.
    raw = raw.replace(",", ".")
    if not re.fullmatch(r"-?\d{1,12}(\.\d{1,6})?", raw):
        return Answer(error=say(language, "error_number"))
    try:
        number = Decimal(raw)
    except InvalidOperation:
        return Answer(error=say(language, "error_number"))
    if decimals == 0 and number != number.to_integral_value():
        return Answer(error=say(language, "error_whole_number"))
    low, high = question.settings.get("min"), question.settings.get("max")
    if low is not None and number < Decimal(str(low)):
        return Answer(error=say(language, "error_min", min=low))
    if high is not None and number > Decimal(str(high)):
        return Answer(error=say(language, "error_max", max=high))
    if decimals == 0:
        return Answer(value=int(number))
    return Answer(value=str(round(number, decimals)))


def _text(limit: int):
    def read(question, data, language) -> Answer:
        raw = _clean_text(data.get(_field(question.code), ""))
        if raw == "":
            return Answer()
        maximum = int(question.settings.get("max_length") or limit)
        if len(raw) > maximum:
            return Answer(error=say(language, "error_too_long", max=maximum))
        return Answer(value=raw)

    return read


def _ranking(question, data, language) -> Answer:
    ranks = {}
    for option in question.options:
        raw = data.get(_field(question.code, option.code), "").strip()
        if raw:
            if not raw.isdigit():
                return Answer(error=say(language, "error_rank"))
            ranks[option.code] = int(raw)
    if not ranks:
        return Answer()
    numbers = sorted(ranks.values())
    # Ranking only some (the most important first) is allowed; gaps and ties are not.
    if numbers != list(range(1, len(numbers) + 1)):
        return Answer(error=say(language, "error_rank"))
    if question.required and len(ranks) < len(question.options):
        return Answer(error=say(language, "error_rank_all"))
    return Answer(value=sorted(ranks, key=ranks.get))


def _matrix(question, data, language) -> Answer:
    known = {option.code for option in question.options}
    chosen = {}
    for row in question.rows:
        raw = data.get(_field(question.code, row.code), "")
        if raw:
            if raw not in known:
                return Answer(error=say(language, "error_choice"))
            chosen[row.code] = raw
    if not chosen:
        return Answer()
    if question.required and len(chosen) < len(question.rows):
        return Answer(error=say(language, "error_matrix_row"))
    return Answer(value=chosen)


def _postcode(question, data, language) -> Answer:
    raw = data.get(_field(question.code), "").strip()
    if raw == "":
        return Answer()
    # People type their whole postcode; keep the 4 digits only (the letters say too much).
    match = re.fullmatch(r"(\d{4})\s*([A-Za-z]{2})?", raw)
    if not match:
        return Answer(error=say(language, "error_postcode"))
    digits = match.group(1)
    if not PostcodeArea.objects.filter(postcode4=digits).exists():
        return Answer(error=say(language, "error_postcode_area"))
    return Answer(value=digits)


def _note(question, data, language) -> Answer:
    return Answer()


_READERS = {
    QuestionKind.SINGLE: _single,
    QuestionKind.LIKERT: _single,
    QuestionKind.YES_NO: _single,
    QuestionKind.AGE_BAND: _single,
    QuestionKind.MULTIPLE: _multiple,
    QuestionKind.RATING: _rating,
    QuestionKind.NUMBER: _number,
    QuestionKind.SHORT_TEXT: _text(SHORT_TEXT_MAX),
    QuestionKind.LONG_TEXT: _text(LONG_TEXT_MAX),
    QuestionKind.RANKING: _ranking,
    QuestionKind.MATRIX: _matrix,
    QuestionKind.POSTCODE: _postcode,
    QuestionKind.NOTE: _note,
}


def form_values(question: QuestionDef, answers: dict) -> dict:
    """The stored answer turned back into what the form shows, to refill a page."""
    value = answers.get(question.code)
    other = answers.get(f"{question.code}.other", "")
    if question.kind == QuestionKind.MULTIPLE:
        return {"selected": value or [], "other": other}
    if question.kind == QuestionKind.RANKING:
        return {"ranks": {code: index + 1 for index, code in enumerate(value or [])}}
    if question.kind == QuestionKind.MATRIX:
        return {"rows": value or {}}
    return {"value": "" if value is None else str(value), "other": other}
