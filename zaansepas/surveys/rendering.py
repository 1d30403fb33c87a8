"""What a survey page template needs for each question: texts in the respondent's
language, ids, checked states and errors, already worked out, so the template stays dumb.
Refilled from the submitted form when it had errors, else from the saved answers."""

from .answers import form_values
from .chrome import say
from .definition import QuestionDef, SurveyDef, is_shown
from .models import QuestionKind
from .texts import pick

RADIO_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.LIKERT,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
    QuestionKind.RATING,
}


def submitted_values(question: QuestionDef, data) -> dict:
    field = f"q-{question.code}"
    if question.kind == QuestionKind.MULTIPLE:
        return {"selected": data.getlist(field), "other": data.get(f"{field}-other", "")}
    if question.kind == QuestionKind.RANKING:
        return {"ranks": {o.code: data.get(f"{field}-{o.code}", "") for o in question.options}}
    if question.kind == QuestionKind.MATRIX:
        return {"rows": {r.code: data.get(f"{field}-{r.code}", "") for r in question.rows}}
    return {"value": data.get(field, ""), "other": data.get(f"{field}-other", "")}


def question_view(question: QuestionDef, language: str, values: dict, error: str) -> dict:
    field = f"q-{question.code}"
    view = {
        "code": question.code,
        "kind": question.kind,
        "field": field,
        "id": field,
        "text": pick(question.text, language),
        "help": pick(question.help, language),
        "required": question.required,
        "error": error,
        "is_radio": question.kind in RADIO_KINDS,
        "value": values.get("value", ""),
        "other": values.get("other", ""),
        "settings": question.settings,
    }
    if question.kind == QuestionKind.RATING:
        options = [(str(n), str(n)) for n in range(11)]
        view["low"] = pick(question.settings.get("low"), language)
        view["high"] = pick(question.settings.get("high"), language)
    else:
        options = [(o.code, pick(o.label, language)) for o in question.options]
    selected = set(values.get("selected", []))
    view["options"] = [
        {
            "code": code,
            "label": label,
            "id": f"{field}-o{index}",
            "checked": code == view["value"] or code in selected,
            "is_other": bool(question.option(code) and question.option(code).is_other),
        }
        for index, (code, label) in enumerate(options)
    ]
    view["has_other"] = any(option["is_other"] for option in view["options"])
    if question.kind == QuestionKind.MATRIX:
        chosen = values.get("rows", {})
        view["rows"] = [
            {
                "label": pick(row.label, language),
                "field": f"{field}-{row.code}",
                "id": f"{field}-r{r_index}",
                "options": [
                    {
                        "code": option.code,
                        "label": pick(option.label, language),
                        "id": f"{field}-r{r_index}-o{o_index}",
                        "checked": chosen.get(row.code) == option.code,
                    }
                    for o_index, option in enumerate(question.options)
                ],
            }
            for r_index, row in enumerate(question.rows)
        ]
    if question.kind == QuestionKind.RANKING:
        ranks = values.get("ranks", {})
        view["ranks"] = list(range(1, len(question.options) + 1))
        view["items"] = [
            {
                "label": pick(option.label, language),
                "field": f"{field}-{option.code}",
                "id": f"{field}-o{index}",
                "rank": str(ranks.get(option.code, "")),
            }
            for index, option in enumerate(question.options)
        ]
        view["rank_help"] = say(language, "rank_help")
    if question.kind == QuestionKind.POSTCODE and not view["help"]:
        view["help"] = say(language, "postcode_help")
    return view


def page_view(
    definition: SurveyDef, page_index: int, answers: dict, language: str, errors=None, data=None
) -> dict:
    """The questions of one page that are shown, and the section heading."""
    errors = errors or {}
    page = definition.pages[page_index]
    questions = []
    for question in page.questions:
        if not is_shown(question, answers):
            continue
        values = (
            submitted_values(question, data) if data is not None else form_values(question, answers)
        )
        questions.append(question_view(question, language, values, errors.get(question.code, "")))
    section = definition.sections[page.section]
    first_of_section = page_index == 0 or definition.pages[page_index - 1].section != page.section
    return {
        "questions": questions,
        "section_title": pick(section.title, language),
        "section_intro": pick(section.intro, language) if first_of_section else "",
    }
