"""The demo longlists and open-answer themes: the first draft of the longlists built from
the demo's coded statements, and the themes in the needs scan's open question, so the
researcher finds needs and offer ideas, themes and the gap view filled in. Safe to run
again."""

from zaansepas.research.models import Session
from zaansepas.surveys.models import Survey

from .answer_themes import find_and_store_themes, open_questions, rename_answer_theme
from .longlists import build_longlist_from_statements
from .models import LonglistItem, ThemeSet

# The demo's "Wat zou u het meest helpen?" answers are built from about ten needs; a fixed
# number of themes keeps the demo the same from run to run, whatever stability would pick.
DEMO_THEMES = 10
DEMO_QUESTION = "meest_helpen"
# The names a researcher would give the demo's themes, by their strongest term; a theme
# whose strongest term is not here keeps the name made from its terms.
DEMO_NAMES = {
    "moeder": "Contact en samen eten",
    "oudere": "Activiteiten voor ouderen",
    "buurt": "Taalles in de buurt",
    "sporten": "Sporten en sportschool",
    "kinderen": "Iets te doen in de vakanties",
    "hulp": "Hulp bij schulden en post",
    "zwemmen": "Zwemles",
    "werk": "Kinderopvang om te kunnen werken",
    "korting": "Korting op dagelijkse dingen",
    "geld": "Niet opvallen aan de kassa",
}


def create_demo_longlists() -> dict:
    years = sorted(set(Session.objects.values_list("year", flat=True)))
    if years and not LonglistItem.objects.filter(year=years[-1]).exists():
        build_longlist_from_statements(years[-1])
    return {
        "items": LonglistItem.objects.filter(merged_into__isnull=True).count(),
        "themes": create_demo_answer_themes(),
    }


def create_demo_answer_themes() -> int:
    """Themes in the open question of every survey that has one and none yet."""
    found = 0
    for survey in Survey.objects.all():
        codes = {q.code for q in open_questions(survey) if q.answers}
        if DEMO_QUESTION in codes and not ThemeSet.objects.filter(survey=survey).exists():
            theme_set = find_and_store_themes(survey, DEMO_QUESTION, DEMO_THEMES)
            for theme in theme_set.themes.all():
                if theme.terms and theme.terms[0] in DEMO_NAMES:
                    rename_answer_theme(theme, DEMO_NAMES[theme.terms[0]])
            found += theme_set.themes.count()
    return found
