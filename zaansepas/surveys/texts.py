"""Survey texts in many languages. Every text a respondent reads is a JSON object
{language code: text}; Dutch is the source language and the fallback."""

SOURCE_LANGUAGE = "nl"

# Languages a survey can be translated into, with their own name (what a respondent looks
# for) and direction. More can be added here; nothing else needs to change.
LANGUAGES: dict[str, tuple[str, str]] = {
    "nl": ("Nederlands", "ltr"),
    "en": ("English", "ltr"),
    "tr": ("Türkçe", "ltr"),
    "ar": ("العربية", "rtl"),
    "pl": ("Polski", "ltr"),
    "uk": ("Українська", "ltr"),
    "fr": ("Français", "ltr"),
    "de": ("Deutsch", "ltr"),
    "es": ("Español", "ltr"),
    "pap": ("Papiamentu", "ltr"),
    "so": ("Soomaali", "ltr"),
    "ti": ("ትግርኛ", "ltr"),
    "fa": ("فارسی", "rtl"),
    "bg": ("Български", "ltr"),
    "ro": ("Română", "ltr"),
}


def language_name(code: str) -> str:
    return LANGUAGES.get(code, (code, "ltr"))[0]


def direction(code: str) -> str:
    return LANGUAGES.get(code, (code, "ltr"))[1]


def pick(texts: dict | None, language: str) -> str:
    """The text in `language`, else the Dutch source, else any text there is."""
    if not texts:
        return ""
    if texts.get(language):
        return texts[language]
    if texts.get(SOURCE_LANGUAGE):
        return texts[SOURCE_LANGUAGE]
    return next((value for value in texts.values() if value), "")
