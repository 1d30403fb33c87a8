"""The every-kind survey of the XLSForm tests: all question kinds in nl/en/ar, every
condition operator, and a label that looks like a spreadsheet formula."""

from zaansepas.surveys.spec import age_band_options, yes_no_options

HYPERLINK = '=HYPERLINK("http://evil.example","klik")'


def texts(nl: str, en: str = "", ar: str = "") -> dict:
    return {code: text for code, text in (("nl", nl), ("en", en), ("ar", ar)) if text}


def option(code, nl, en="", **flags) -> dict:
    return {"code": code, "label": texts(nl, en), **flags}


def every_kind_spec() -> dict:
    """Every question kind, three languages (one right-to-left), every kind of condition,
    the settings XLSForm has no column for, and texts that look like formulas."""
    likert = [option(str(n), f"punt {n}", f"point {n}") for n in range(1, 6)]
    return {
        "series": "alles",
        "languages": ["nl", "en", "ar"],
        "title": texts("Alle soorten vragen", "Every kind of question", "كل أنواع الأسئلة"),
        "intro": texts("Welkom bij de vragenlijst.", "Welcome."),
        "thanks": texts("Dank u wel!"),
        "ask_follow_up": False,
        "sections": [
            {
                "title": texts("Over u", "About you"),
                "intro": texts("Eerst iets over uzelf."),
                "questions": [
                    {"code": "intro", "kind": "note", "text": texts(HYPERLINK)},
                    {"code": "q_postcode", "kind": "postcode", "required": True,
                     "text": texts("Wat is uw postcode?", "Your postcode?")},
                    {"code": "q_leeftijd", "kind": "age_band", "text": texts("Hoe oud bent u?"),
                     "options": age_band_options()},
                    {"code": "q_geslacht", "kind": "single_choice", "demographic": "sex",
                     "text": texts("Wat is uw geslacht?"),
                     "options": [option("m", "Man"), option("v", "Vrouw"),
                                 option("x", "Anders of zeg ik liever niet")]},
                    {"code": "q_kanaal", "kind": "single_choice",
                     "text": texts("Hoe hoorde u van de pas?", "How did you hear of it?"),
                     "help": texts("Kies één antwoord.", "Pick one."),
                     "options": [option("1", "Via de krant"), option("2", "+31 buren"),
                                 option("other", "Anders, namelijk", "Other", is_other=True)]},
                ],
            },
            {
                "title": texts("Uw mening", "Your opinion", "رأيك"),
                "intro": {},
                "questions": [
                    {"code": "q_nodig", "kind": "multiple_choice",
                     "text": texts("Wat heeft u nodig?"),
                     "settings": {"max_choices": 3},
                     "options": [option("sport", "Sport"), option("cul-tuur", "Cultuur"),
                                 option("Anders9", "Iets anders", is_other=True),
                                 option("geen", "Niets hiervan", is_exclusive=True)]},
                    {"code": "q_tevreden", "kind": "likert", "text": texts("Hoe tevreden bent u?"),
                     "settings": {"points": 5}, "options": likert},
                    {"code": "q_tevreden7", "kind": "likert", "text": texts("En hierover?"),
                     "options": [option(str(n), f"punt {n}") for n in range(1, 8)]},
                    {"code": "q_cijfer", "kind": "rating", "text": texts("Welk cijfer?"),
                     "settings": {"low": texts("heel slecht", "very bad"),
                                  "high": texts("heel goed", "very good")}},
                    {"code": "q_kinderen", "kind": "number", "text": texts("Hoeveel kinderen?"),
                     "settings": {"min": 0, "max": 15}},
                    {"code": "q_bedrag", "kind": "number", "text": texts("Hoeveel geeft u uit?"),
                     "settings": {"decimals": 2, "min": 0.5}},
                    {"code": "q_auto", "kind": "yes_no", "text": texts("Heeft u een auto?"),
                     "options": yes_no_options()},
                    {"code": "q_vervoer", "kind": "short_text", "text": texts("Welke auto?"),
                     "settings": {"max_length": 80},
                     "show_if": {"match": "all", "rules": [
                         {"question": "q_auto", "op": "eq", "value": "1"},
                         {"question": "q_kinderen", "op": "ge", "value": 2}]}},
                    {"code": "q_rang", "kind": "ranking", "text": texts("Wat is het belangrijkst?"),
                     "options": [option("geld", "Geld"), option("tijd", "Tijd"),
                                 option("rust", "Rust")]},
                    {"code": "q_grid", "kind": "matrix",
                     "text": texts("Wat vindt u van", "What about"),
                     "help": texts("Eén antwoord per regel."), "required": True,
                     "show_if": {"match": "any", "rules": [
                         {"question": "q_nodig", "op": "selected", "value": "sport"},
                         {"question": "q_nodig", "op": "not_selected", "value": "geen"},
                         {"question": "q_cijfer", "op": "lt", "value": 6},
                         {"question": "q_kanaal", "op": "ne", "value": "2"},
                         {"question": "q_vervoer", "op": "answered"}]},
                     "options": [option("1", "slecht", "bad"), option("2", "goed", "good")],
                     "rows": [option("bus", "de bus", "the bus"), option("Trein-1", "de trein")]},
                    {"code": "q_idee", "kind": "long_text",
                     "text": texts("Wat zou u het meest helpen?", "What would help?",
                                   "ما الذي يساعدك؟"),
                     "show_if": {"match": "all", "rules": [
                         {"question": "q_bedrag", "op": "gt", "value": 2.5},
                         {"question": "q_kinderen", "op": "le", "value": 3}]}},
                ],
            },
            {"title": texts("Tot slot"), "intro": {}, "questions": [
                {"code": "q_slot", "kind": "note", "text": texts("Bedankt voor het invullen.")},
            ]},
        ],
    }  # fmt: skip
