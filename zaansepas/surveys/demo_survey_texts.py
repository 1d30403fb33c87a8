"""Building blocks of the demo needs scan (demo_survey.py): a text in its five languages,
answer options, the question shape, conditions, and texts several questions share."""

from zaansepas.city.demo_data import THEMES


def t(nl: str, en: str, tr: str, ar: str, pl: str) -> dict:
    return {"nl": nl, "en": en, "tr": tr, "ar": ar, "pl": pl}


def options(*items: tuple[str, dict]) -> list[dict]:
    return [{"code": code, "label": label} for code, label in items]


def other_option(code: str = "anders") -> dict:
    return {
        "code": code,
        "label": t(
            "Anders, namelijk",
            "Other, namely",
            "Diğer (belirtiniz)",
            "غير ذلك (يرجى التحديد)",
            "Inne (jakie?)",
        ),
        "is_other": True,
    }


def exclusive_option(code: str, label: dict) -> dict:
    return {"code": code, "label": label, "is_exclusive": True}


def make_question(code, kind, text, *, help=None, required=False, show_if=None, **rest) -> dict:
    return {
        "code": code,
        "kind": kind,
        "text": text,
        "help": help or {},
        "required": required,
        "show_if": show_if,
        "settings": rest.pop("settings", {}),
        "demographic": rest.pop("demographic", ""),
        "options": rest.pop("options", []),
        "rows": rest.pop("rows", []),
    }


def when(*rules: tuple[str, str, object], match: str = "all") -> dict:
    return {
        "match": match,
        "rules": [{"question": q, "op": op, "value": value} for q, op, value in rules],
    }


YES_NO = options(
    ("1", t("Ja", "Yes", "Evet", "نعم", "Tak")),
    ("0", t("Nee", "No", "Hayır", "لا", "Nie")),
)
DONT_KNOW = t("Weet ik niet", "I don't know", "Bilmiyorum", "لا أعرف", "Nie wiem")
MORE_ANSWERS = t(
    "U mag meer antwoorden kiezen.",
    "You may choose more than one answer.",
    "Birden fazla cevap seçebilirsiniz.",
    "يمكنك اختيار أكثر من إجابة.",
    "Można wybrać więcej niż jedną odpowiedź.",
)
ONE_PER_LINE = t(
    "Kies per regel één antwoord.",
    "Choose one answer per line.",
    "Her satır için bir cevap seçin.",
    "اختر إجابة واحدة لكل سطر.",
    "Proszę wybrać jedną odpowiedź w każdym wierszu.",
)

# The six policy themes, by their code in city.demo_data.THEMES.
THEME_LABELS: dict[str, dict] = {
    "meedoen-ontmoeten": t(
        "Meedoen en ontmoeten",
        "Taking part and meeting people",
        "Katılım ve buluşma",
        "المشاركة والتعارف",
        "Uczestnictwo i spotkania",
    ),
    "sport-bewegen": t(
        "Sport en bewegen",
        "Sport and exercise",
        "Spor ve hareket",
        "الرياضة والحركة",
        "Sport i ruch",
    ),
    "cultuur-vrije-tijd": t(
        "Cultuur en vrije tijd",
        "Culture and leisure",
        "Kültür ve boş zaman",
        "الثقافة وأوقات الفراغ",
        "Kultura i czas wolny",
    ),
    "gezondheid-zorg": t(
        "Gezondheid en zorg",
        "Health and care",
        "Sağlık ve bakım",
        "الصحة والرعاية",
        "Zdrowie i opieka",
    ),
    "werk-leren-taal": t(
        "Werk, leren en taal",
        "Work, learning and language",
        "İş, öğrenme ve dil",
        "العمل والتعلّم واللغة",
        "Praca, nauka i język",
    ),
    "geld-basisbehoeften": t(
        "Geld en basisbehoeften",
        "Money and basic needs",
        "Para ve temel ihtiyaçlar",
        "المال والاحتياجات الأساسية",
        "Pieniądze i podstawowe potrzeby",
    ),
}


def theme_options() -> list[dict]:
    return [{"code": code, "label": THEME_LABELS[code]} for code, _name, _desc in THEMES]


def satisfaction_options() -> list[dict]:
    return options(
        (
            "1",
            t(
                "Heel ontevreden",
                "Very dissatisfied",
                "Hiç memnun değilim",
                "غير راضٍ على الإطلاق",
                "Bardzo niezadowolony/a",
            ),
        ),
        ("2", t("Ontevreden", "Dissatisfied", "Memnun değilim", "غير راضٍ", "Niezadowolony/a")),
        (
            "3",
            t(
                "Niet tevreden, niet ontevreden",
                "Neither satisfied nor dissatisfied",
                "Ne memnunum ne değilim",
                "لا راضٍ ولا غير راضٍ",
                "Ani zadowolony/a, ani niezadowolony/a",
            ),
        ),
        ("4", t("Tevreden", "Satisfied", "Memnunum", "راضٍ", "Zadowolony/a")),
        (
            "5",
            t("Heel tevreden", "Very satisfied", "Çok memnunum", "راضٍ جداً", "Bardzo zadowolony/a"),
        ),
    )
