# ruff: noqa: E501  (a table of translated sentences reads better unwrapped)
"""Printed matter for a survey (WeasyPrint): an A4 poster and an A5 flyer per channel, with
the channel's QR code and short link, and the whole questionnaire on paper for the paper
channel, to be typed in by staff afterwards.

Printed texts are in Dutch first; the poster repeats its few lines in the survey's other
languages where this module has them (Django's catalogue only has Dutch and English)."""

import io

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from .channels import short_url, short_url_for_print
from .definition import SurveyDef, definition_for
from .models import Channel, QuestionKind, Survey
from .texts import SOURCE_LANGUAGE, direction, pick

# The poster's lines per language. {minutes} is the estimated time to fill in.
POSTER_TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "call": "Vul de vragenlijst in. Het duurt ongeveer {minutes} minuten. Uw antwoorden zijn anoniem.",
        "how": "Scan de QR-code met de camera van uw telefoon, of typ de link over:",
    },
    "en": {
        "call": "Fill in the questionnaire. It takes about {minutes} minutes. Your answers are anonymous.",
        "how": "Scan the QR code with your phone's camera, or type the link:",
    },
    "tr": {
        "call": "Anketi doldurun. Yaklaşık {minutes} dakika sürer. Cevaplarınız anonimdir.",
        "how": "QR kodunu telefonunuzun kamerasıyla tarayın veya bağlantıyı yazın:",
    },
    "ar": {
        "call": "املأ الاستبيان. يستغرق حوالي {minutes} دقائق. إجاباتك مجهولة الهوية.",
        "how": "امسح رمز QR بكاميرا هاتفك، أو اكتب الرابط:",
    },
    "pl": {
        "call": "Wypełnij ankietę. Zajmie to około {minutes} minut. Twoje odpowiedzi są anonimowe.",
        "how": "Zeskanuj kod QR aparatem telefonu albo wpisz link:",
    },
}

FORMATS = {"a4": "A4", "a5": "A5"}


def qr_svg(url: str) -> str:
    """The QR of a short link as inline SVG; CSS sets its printed size. Level M still scans
    from a poster that is a bit creased or behind glass."""
    qr = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=1, border=4, xmldecl=False, svgns=True, omitsize=True)
    return out.getvalue().decode()


def estimated_minutes(definition: SurveyDef) -> int:
    """About 20 seconds a question, rounded to 5 minutes, at least 5."""
    questions = sum(1 for question in definition.questions if question.is_question)
    return max(5, 5 * round(questions / 15))


def _document(template: str, context: dict):
    """The laid-out pages (a WeasyPrint Document); .write_pdf() gives the file."""
    # Printed matter is in Dutch whatever language the researcher's screen is in.
    with translation.override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html).render()


def poster_context(channel: Channel, paper: str = "a4") -> dict:
    survey = channel.survey
    minutes = estimated_minutes(definition_for(survey))
    blocks = []
    for language in survey.languages or [SOURCE_LANGUAGE]:
        texts = POSTER_TEXTS.get(language)
        if texts is None:
            continue
        blocks.append(
            {
                "language": language,
                "dir": direction(language),
                "title": pick(survey.title, language),
                "call": texts["call"].format(minutes=minutes),
                "how": texts["how"],
            }
        )
    url = short_url(channel)
    return {
        "paper": FORMATS.get(paper, "A4"),
        "main": blocks[0] if blocks else None,
        "others": blocks[1:],
        "url": url,
        "url_printed": short_url_for_print(channel),
        "qr": qr_svg(url),
        "channel": channel,
    }


def poster_document(channel: Channel, paper: str = "a4"):
    return _document("surveys/channels/poster.html", poster_context(channel, paper))


def render_poster(channel: Channel, paper: str = "a4") -> bytes:
    """An A4 poster ("a4") or A5 flyer ("a5") for this channel's short link."""
    return poster_document(channel, paper).write_pdf()


# --- Paper questionnaire ------------------------------------------------------------------

OPERATOR_WORDS = {
    "eq": "'{value}' koos",
    "selected": "'{value}' koos",
    "ne": "niet '{value}' koos",
    "not_selected": "niet '{value}' koos",
    "gt": "meer dan {value} invulde",
    "ge": "{value} of meer invulde",
    "lt": "minder dan {value} invulde",
    "le": "{value} of minder invulde",
}


def describe_condition(show_if: dict | None, numbers: dict[str, int], definition) -> str:
    """A show-if condition as a paper instruction: "Alleen invullen als u bij vraag 3 'ja'
    koos." Choice codes are shown as their Dutch labels, as printed on the form."""
    if not show_if or not show_if.get("rules"):
        return ""
    parts = []
    for rule in show_if["rules"]:
        code, op, value = rule["question"], rule["op"], rule.get("value")
        number = numbers.get(code, code)
        if op == "answered":
            parts.append(f"u vraag {number} hebt ingevuld")
            continue
        source = definition.by_code.get(code)
        option = source.option(str(value)) if source else None
        shown = pick(option.label, SOURCE_LANGUAGE) if option else value
        if source and source.kind == QuestionKind.YES_NO and option is None:
            shown = {"1": "Ja", "0": "Nee"}.get(str(value), value)
        parts.append(f"u bij vraag {number} " + OPERATOR_WORDS[op].format(value=shown))
    joiner = " of als " if show_if.get("match") == "any" else " en "
    return "Alleen invullen als " + joiner.join(parts) + "."


def paper_context(survey: Survey) -> dict:
    definition = definition_for(survey)
    numbers: dict[str, int] = {}
    for question in definition.questions:
        if question.is_question:
            numbers[question.code] = len(numbers) + 1
    sections = []
    for index, section in enumerate(definition.sections):
        items = []
        for question in definition.questions:
            if question.section != index:
                continue
            settings = question.settings or {}
            items.append(
                {
                    "number": numbers.get(question.code),
                    "kind": question.kind,
                    "text": pick(question.text, SOURCE_LANGUAGE),
                    "help": pick(question.help, SOURCE_LANGUAGE),
                    "condition": describe_condition(question.show_if, numbers, definition),
                    "options": [
                        {"label": pick(o.label, SOURCE_LANGUAGE), "is_other": o.is_other}
                        for o in question.options
                    ],
                    "rows": [pick(r.label, SOURCE_LANGUAGE) for r in question.rows],
                    "scale": list(range(0, 11)),
                    "low": pick(settings.get("low"), SOURCE_LANGUAGE),
                    "high": pick(settings.get("high"), SOURCE_LANGUAGE),
                    "max_choices": settings.get("max_choices"),
                    "lines": range(4),
                }
            )
        if items:
            sections.append(
                {
                    "title": pick(section.title, SOURCE_LANGUAGE),
                    "intro": pick(section.intro, SOURCE_LANGUAGE),
                    "questions": items,
                }
            )
    return {
        "title": pick(survey.title, SOURCE_LANGUAGE),
        "intro": pick(survey.intro, SOURCE_LANGUAGE),
        "minutes": estimated_minutes(definition),
        "sections": sections,
        "survey": survey,
    }


def paper_questionnaire_document(survey: Survey):
    return _document("surveys/channels/paper_questionnaire.html", paper_context(survey))


def render_paper_questionnaire(survey: Survey) -> bytes:
    """The whole questionnaire in Dutch with boxes to tick and lines to write on."""
    return paper_questionnaire_document(survey).write_pdf()
