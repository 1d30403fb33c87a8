"""XLSForm import: the settings sheet. It says what the survey is called (form_title,
zp_title::<language>), its intro and thanks texts, whether to ask for follow-up, and the
default language: what a column without a language suffix is written in. The markers
are listed in xlsform.py."""

from pyxform import aliases

from .texts import SOURCE_LANGUAGE
from .xlsform_sheets import SheetReader

SETTINGS_COLUMNS = {"title", "id_string", "default_language", "version"}
# Settings an import may meet that change nothing for a survey in this product.
QUIET_SETTINGS = {"version", "instance_name", "style"}


def read_settings(sheets: SheetReader, book) -> dict:
    """{"values": {...}, "texts": {key: {language: text}}} from the first settings row;
    sets the default language on `sheets`, which the other sheets are read with."""
    result = {"values": {}, "texts": {}}
    rows = book.settings or []
    header = (book.settings_header or [{}])[0]
    if not rows:
        return result
    tokens_by_header = sheets.header_map(header, aliases.settings_header, SETTINGS_COLUMNS)
    raw = rows[0]
    # default_language first: it says what a title without language is in.
    for header_name, tokens in tokens_by_header.items():
        if tokens == ("default_language",) and raw.get(header_name):
            result["values"]["default_language"] = raw[header_name].strip()
    sheets.default_language = _default_language(sheets, result)
    sheets.default_language_given = "default_language" in result["values"]
    for header_name, tokens in tokens_by_header.items():
        value = raw.get(header_name)
        if tokens[0] in ("zp_title", "zp_intro", "zp_thanks") and len(tokens) == 2:
            # An empty column still says the survey has that language.
            code = sheets.language(tokens[1], f"Instellingen, kolom '{header_name}'")
            if code:
                sheets.use_language(code)
            if code and value is not None:
                key = "title" if tokens[0] == "zp_title" else tokens[0]
                result["texts"].setdefault(key, {})[code] = value
        elif value is None:
            continue
        elif tokens == ("title",):
            result["texts"].setdefault("title", {})[sheets.default_language] = value
        elif tokens in (("id_string",), ("default_language",), ("zp_ask_follow_up",)):
            result["values"][tokens[0]] = value.strip()
        elif tokens[0] not in QUIET_SETTINGS:
            sheets.report.append(
                f"Instellingen: '{header_name}' wordt niet ondersteund en is weggelaten."
            )
    return result


def _default_language(sheets: SheetReader, settings: dict) -> str:
    value = settings["values"].get("default_language")
    if not value:
        return SOURCE_LANGUAGE
    return sheets.language(value, "Instellingen (default_language)") or SOURCE_LANGUAGE
