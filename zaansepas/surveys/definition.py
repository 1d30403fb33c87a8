"""A survey as the answering pages see it: sections, questions and choices read once into
plain objects, split into pages, with the "show if" conditions evaluated on the answers so
far. Published surveys never change, so their definition is cached per process."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .models import ChoiceRole, Question, QuestionKind, Survey

# Kinds whose answer is one choice code.
SINGLE_CODE_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.LIKERT,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
}
CHOICE_KINDS = SINGLE_CODE_KINDS | {
    QuestionKind.MULTIPLE,
    QuestionKind.RANKING,
    QuestionKind.MATRIX,
}

OPERATORS = ("eq", "ne", "selected", "not_selected", "gt", "ge", "lt", "le", "answered")


@dataclass(frozen=True)
class ChoiceDef:
    code: str
    label: dict
    is_other: bool = False
    is_exclusive: bool = False


@dataclass(frozen=True)
class QuestionDef:
    code: str
    kind: str
    text: dict
    help: dict
    required: bool
    show_if: dict | None
    settings: dict
    demographic: str
    section: int
    options: tuple[ChoiceDef, ...] = ()
    rows: tuple[ChoiceDef, ...] = ()

    @property
    def is_question(self) -> bool:
        return self.kind != QuestionKind.NOTE

    def option(self, code: str) -> ChoiceDef | None:
        return next((choice for choice in self.options if choice.code == code), None)

    def referenced_codes(self) -> set[str]:
        if not self.show_if:
            return set()
        return {rule["question"] for rule in self.show_if.get("rules", [])}


@dataclass(frozen=True)
class SectionDef:
    title: dict
    intro: dict


@dataclass(frozen=True)
class Page:
    section: int
    questions: tuple[QuestionDef, ...]


@dataclass
class SurveyDef:
    id: int
    languages: list[str]
    sections: list[SectionDef]
    questions: list[QuestionDef]
    pages: list[Page] = field(default_factory=list)

    def __post_init__(self):
        self.by_code = {question.code: question for question in self.questions}
        self.pages = split_into_pages(self.questions)

    def visible_pages(self, answers: dict) -> list[int]:
        return [
            index
            for index, page in enumerate(self.pages)
            if any(is_shown(question, answers) for question in page.questions)
        ]


def split_into_pages(questions: list[QuestionDef]) -> list[Page]:
    """Each section starts a page; so does a question whose condition looks at a question on
    the page being filled. The condition is then known when the page is shown, which is how
    the survey works without JavaScript."""
    pages: list[Page] = []
    current: list[QuestionDef] = []
    for question in questions:
        on_page = {q.code for q in current}
        new_section = current and current[-1].section != question.section
        if current and (new_section or question.referenced_codes() & on_page):
            pages.append(Page(current[0].section, tuple(current)))
            current = []
        current.append(question)
    if current:
        pages.append(Page(current[0].section, tuple(current)))
    return pages


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def rule_holds(rule: dict, answers: dict) -> bool:
    """One condition on an earlier answer. An unanswered question satisfies no rule but
    "ne" and "not_selected": someone who skipped it did not pick the value either."""
    op, expected = rule["op"], rule.get("value")
    answer = answers.get(rule["question"])
    if op == "answered":
        return answer not in (None, "", [], {})
    if op in ("selected", "not_selected"):
        chosen = answer if isinstance(answer, list) else ([answer] if answer else [])
        return (expected in chosen) == (op == "selected")
    if op == "ne":
        return answer is None or str(answer) != str(expected)
    if answer is None:
        return False
    if op == "eq":
        return str(answer) == str(expected)
    left, right = _number(answer), _number(expected)
    if left is None or right is None:
        return False
    return {
        "gt": left > right,
        "ge": left >= right,
        "lt": left < right,
        "le": left <= right,
    }[op]


def is_shown(question: QuestionDef, answers: dict) -> bool:
    if not question.show_if or not question.show_if.get("rules"):
        return True
    results = [rule_holds(rule, answers) for rule in question.show_if["rules"]]
    return any(results) if question.show_if.get("match") == "any" else all(results)


def drop_hidden_answers(survey: SurveyDef, answers: dict) -> dict:
    """Answers to questions that are hidden by a later change of an earlier answer do not
    count: keep only what the respondent could see, in question order."""
    kept: dict = {}
    for question in survey.questions:
        if question.code in answers and is_shown(question, kept):
            kept[question.code] = answers[question.code]
            other_key = f"{question.code}.other"
            if other_key in answers:
                kept[other_key] = answers[other_key]
    return kept


def build_definition(survey: Survey) -> SurveyDef:
    sections = list(survey.sections.all())
    section_index = {section.id: index for index, section in enumerate(sections)}
    questions = (
        Question.objects.filter(survey=survey)
        .select_related("section")
        .prefetch_related("choices")
        .order_by("section__position", "section__id", "position", "id")
    )
    defs = []
    for question in questions:
        choices = sorted(question.choices.all(), key=lambda c: (c.position, c.id))
        as_def = [(c.role, ChoiceDef(c.code, c.label, c.is_other, c.is_exclusive)) for c in choices]
        defs.append(
            QuestionDef(
                code=question.code,
                kind=question.kind,
                text=question.text,
                help=question.help,
                required=question.required,
                show_if=question.show_if,
                settings=question.settings,
                demographic=question.demographic,
                section=section_index[question.section_id],
                options=tuple(d for role, d in as_def if role == ChoiceRole.OPTION),
                rows=tuple(d for role, d in as_def if role == ChoiceRole.ROW),
            )
        )
    return SurveyDef(
        id=survey.id,
        languages=list(survey.languages or ["nl"]),
        sections=[SectionDef(s.title, s.intro) for s in sections],
        questions=defs,
    )


_cache: dict[tuple[int, str], SurveyDef] = {}


def definition_for(survey: Survey) -> SurveyDef:
    """Cached for frozen surveys (keyed by id and last change); drafts are read afresh so
    the builder's preview shows every edit."""
    if not survey.is_frozen:
        return build_definition(survey)
    key = (survey.id, survey.updated_at.isoformat() if survey.updated_at else "")
    if key not in _cache:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = build_definition(survey)
    return _cache[key]


OPERATOR_WORDS = {
    "eq": "is",
    "ne": "is niet",
    "selected": "heeft aangevinkt",
    "not_selected": "heeft niet aangevinkt",
    "gt": "is groter dan",
    "ge": "is minstens",
    "lt": "is kleiner dan",
    "le": "is hoogstens",
    "answered": "is beantwoord",
}


def describe_condition(show_if: dict | None, survey: SurveyDef | None = None) -> str:
    """A condition in Dutch words, for researchers, the codebook and paper forms:
    "Alleen als kent_pas is 'Ja'". Choice codes become their Dutch labels when known."""
    if not show_if or not show_if.get("rules"):
        return ""
    parts = []
    for rule in show_if["rules"]:
        value = rule.get("value")
        question = survey.by_code.get(rule["question"]) if survey else None
        option = question.option(str(value)) if question and value is not None else None
        shown = (
            f"'{option.label.get('nl', value)}'"
            if option
            else (f"'{value}'" if value is not None else "")
        )
        parts.append(
            f"{rule['question']} {OPERATOR_WORDS.get(rule['op'], rule['op'])} {shown}".strip()
        )
    joiner = " of " if show_if.get("match") == "any" else " en "
    return "Alleen als " + joiner.join(parts)
