"""The demo needs scan: "Behoeftescan Zaanse Pas 2026" as a survey spec (see spec.py).

About thirty questions in plain Dutch (B1, "u"), with English, Turkish, Arabic and Polish
for every text a respondent reads. It uses every question kind once or more, and stable
codes, so a next wave can be compared with this one. The matrix and ranking rows carry the
codes of the six policy themes of `city` (city.demo_data.THEMES), so answers can be linked
to the themes of the offer.
"""

from zaansepas.city.demo_data import THEMES

LANGUAGES = ["nl", "en", "tr", "ar", "pl"]
SERIES = "behoeftescan-2026"


def t(nl: str, en: str, tr: str, ar: str, pl: str) -> dict:
    return {"nl": nl, "en": en, "tr": tr, "ar": ar, "pl": pl}


def _options(*items: tuple[str, dict]) -> list[dict]:
    return [{"code": code, "label": label} for code, label in items]


def _other(code: str = "anders") -> dict:
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


def _exclusive(code: str, label: dict) -> dict:
    return {"code": code, "label": label, "is_exclusive": True}


def _question(code, kind, text, *, help=None, required=False, show_if=None, **rest) -> dict:
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


def _when(*rules: tuple[str, str, object], match: str = "all") -> dict:
    return {
        "match": match,
        "rules": [{"question": q, "op": op, "value": value} for q, op, value in rules],
    }


YES_NO = _options(
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


def _themes() -> list[dict]:
    return [{"code": code, "label": THEME_LABELS[code]} for code, _name, _desc in THEMES]


def _satisfaction() -> list[dict]:
    return _options(
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


def _section_pass() -> dict:
    return {
        "title": t(
            "De Zaanse Pas", "The Zaanse Pas", "Zaanse Pas", "بطاقة Zaanse Pas", "Zaanse Pas"
        ),
        "intro": t(
            "Eerst een paar vragen over de Zaanse Pas.",
            "First a few questions about the Zaanse Pas.",
            "Önce Zaanse Pas hakkında birkaç soru.",
            "أولاً بعض الأسئلة عن بطاقة Zaanse Pas.",
            "Najpierw kilka pytań o Zaanse Pas.",
        ),
        "questions": [
            _question(
                "uitleg_pas",
                "note",
                t(
                    "De Zaanse Pas is een pas voor alle inwoners van Zaanstad. Met de pas "
                    "krijgt u korting op sport, cultuur en andere activiteiten.",
                    "The Zaanse Pas is a pass for all residents of Zaanstad. With the pass "
                    "you get discounts on sport, culture and other activities.",
                    "Zaanse Pas, Zaanstad'da yaşayan herkes için bir karttır. Bu kartla spor, "
                    "kültür ve diğer etkinliklerde indirim alırsınız.",
                    "بطاقة Zaanse Pas هي بطاقة لجميع سكان زانستاد. مع هذه البطاقة تحصل على "
                    "خصومات على الرياضة والثقافة وأنشطة أخرى.",
                    "Zaanse Pas to karta dla wszystkich mieszkańców Zaanstad. Z kartą "
                    "otrzymuje Pan/Pani zniżki na sport, kulturę i inne zajęcia.",
                ),
            ),
            _question(
                "kent_pas",
                "yes_no",
                t(
                    "Kent u de Zaanse Pas?",
                    "Do you know the Zaanse Pas?",
                    "Zaanse Pas'ı biliyor musunuz?",
                    "هل تعرف بطاقة Zaanse Pas؟",
                    "Czy zna Pan/Pani Zaanse Pas?",
                ),
                required=True,
                options=YES_NO,
            ),
            _question(
                "heeft_pas",
                "yes_no",
                t(
                    "Heeft u zelf een Zaanse Pas?",
                    "Do you have a Zaanse Pas yourself?",
                    "Kendinize ait bir Zaanse Pas'ınız var mı?",
                    "هل لديك بطاقة Zaanse Pas خاصة بك؟",
                    "Czy ma Pan/Pani własną Zaanse Pas?",
                ),
                show_if=_when(("kent_pas", "eq", "1")),
                options=YES_NO,
            ),
            _question(
                "hoe_gehoord",
                "multiple_choice",
                t(
                    "Hoe heeft u van de Zaanse Pas gehoord?",
                    "How did you hear about the Zaanse Pas?",
                    "Zaanse Pas'ı nereden duydunuz?",
                    "كيف سمعت عن بطاقة Zaanse Pas؟",
                    "Skąd Pan/Pani wie o Zaanse Pas?",
                ),
                help=MORE_ANSWERS,
                show_if=_when(("kent_pas", "eq", "1")),
                options=[
                    *_options(
                        (
                            "familie",
                            t(
                                "Via familie, vrienden of buren",
                                "From family, friends or neighbours",
                                "Ailemden, arkadaşlarımdan veya komşularımdan",
                                "من العائلة أو الأصدقاء أو الجيران",
                                "Od rodziny, przyjaciół lub sąsiadów",
                            ),
                        ),
                        (
                            "school",
                            t(
                                "Via school of kinderopvang",
                                "From school or childcare",
                                "Okuldan veya çocuk bakımevinden",
                                "من المدرسة أو دار رعاية الأطفال",
                                "Ze szkoły lub z opieki nad dziećmi",
                            ),
                        ),
                        (
                            "wijkteam",
                            t(
                                "Via het wijkteam of het buurthuis",
                                "From the neighbourhood team or the community centre",
                                "Mahalle ekibinden veya mahalle merkezinden",
                                "من فريق الحي أو المركز المجتمعي",
                                "Od zespołu dzielnicowego lub z centrum sąsiedzkiego",
                            ),
                        ),
                        (
                            "gemeente",
                            t(
                                "Via een brief of de website van de gemeente",
                                "From a letter or the municipality's website",
                                "Belediyeden gelen bir mektuptan veya belediyenin web sitesinden",
                                "من رسالة أو من موقع البلدية",
                                "Z listu lub ze strony internetowej gminy",
                            ),
                        ),
                        (
                            "social",
                            t(
                                "Via social media",
                                "From social media",
                                "Sosyal medyadan",
                                "من وسائل التواصل الاجتماعي",
                                "Z mediów społecznościowych",
                            ),
                        ),
                        (
                            "poster",
                            t(
                                "Via een poster of folder",
                                "From a poster or leaflet",
                                "Bir afişten veya broşürden",
                                "من ملصق أو منشور",
                                "Z plakatu lub ulotki",
                            ),
                        ),
                    ),
                    _other(),
                ],
            ),
            _question(
                "gebruik_pas",
                "single_choice",
                t(
                    "Hoe vaak gebruikt u de Zaanse Pas?",
                    "How often do you use the Zaanse Pas?",
                    "Zaanse Pas'ı ne sıklıkla kullanıyorsunuz?",
                    "كم مرة تستخدم بطاقة Zaanse Pas؟",
                    "Jak często korzysta Pan/Pani z Zaanse Pas?",
                ),
                show_if=_when(("heeft_pas", "eq", "1")),
                options=_options(
                    ("nooit", t("Nooit", "Never", "Hiç", "أبداً", "Nigdy")),
                    (
                        "jaarlijks",
                        t(
                            "Een paar keer per jaar",
                            "A few times a year",
                            "Yılda birkaç kez",
                            "بضع مرات في السنة",
                            "Kilka razy w roku",
                        ),
                    ),
                    (
                        "maandelijks",
                        t("Elke maand", "Every month", "Her ay", "كل شهر", "Co miesiąc"),
                    ),
                    (
                        "wekelijks",
                        t("Elke week", "Every week", "Her hafta", "كل أسبوع", "Co tydzień"),
                    ),
                ),
            ),
            _question(
                "waarom_niet",
                "short_text",
                t(
                    "Waarom gebruikt u de pas niet?",
                    "Why do you not use the pass?",
                    "Kartı neden kullanmıyorsunuz?",
                    "لماذا لا تستخدم البطاقة؟",
                    "Dlaczego nie korzysta Pan/Pani z karty?",
                ),
                show_if=_when(("gebruik_pas", "eq", "nooit")),
                settings={"max_length": 300},
            ),
            _question(
                "tevreden_pas",
                "likert",
                t(
                    "Hoe tevreden bent u over de Zaanse Pas?",
                    "How satisfied are you with the Zaanse Pas?",
                    "Zaanse Pas'tan ne kadar memnunsunuz?",
                    "ما مدى رضاك عن بطاقة Zaanse Pas؟",
                    "Jak bardzo jest Pan/Pani zadowolony/a z Zaanse Pas?",
                ),
                show_if=_when(("heeft_pas", "eq", "1"), ("gebruik_pas", "ne", "nooit")),
                settings={"points": 5},
                options=_satisfaction(),
            ),
            _question(
                "cijfer_pas",
                "rating",
                t(
                    "Welk cijfer geeft u de Zaanse Pas?",
                    "What mark would you give the Zaanse Pas?",
                    "Zaanse Pas'a kaç puan verirsiniz?",
                    "ما الدرجة التي تعطيها لبطاقة Zaanse Pas؟",
                    "Jaką ocenę daje Pan/Pani Zaanse Pas?",
                ),
                help=t(
                    "0 is heel slecht, 10 is heel goed.",
                    "0 is very bad, 10 is very good.",
                    "0 çok kötü, 10 çok iyi demektir.",
                    "0 تعني سيئة جداً، و10 تعني جيدة جداً.",
                    "0 to bardzo źle, 10 to bardzo dobrze.",
                ),
                show_if=_when(("heeft_pas", "eq", "1"), ("gebruik_pas", "ne", "nooit")),
                settings={
                    "low": t("Heel slecht", "Very bad", "Çok kötü", "سيئة جداً", "Bardzo źle"),
                    "high": t("Heel goed", "Very good", "Çok iyi", "جيدة جداً", "Bardzo dobrze"),
                },
            ),
            _question(
                "kopen_pas",
                "single_choice",
                t(
                    "De Zaanse Pas kost € 25 per jaar. Zou u de pas kopen?",
                    "The Zaanse Pas costs €25 a year. Would you buy the pass?",
                    "Zaanse Pas'ın yıllık ücreti 25 €. Bu kartı satın alır mıydınız?",
                    "تكلفة بطاقة Zaanse Pas هي 25 يورو في السنة. هل ستشتري البطاقة؟",
                    "Zaanse Pas kosztuje 25 € rocznie. Czy kupił(a)by Pan/Pani tę kartę?",
                ),
                show_if=_when(("heeft_pas", "ne", "1")),
                options=_options(
                    ("ja", t("Ja", "Yes", "Evet", "نعم", "Tak")),
                    ("misschien", t("Misschien", "Maybe", "Belki", "ربما", "Może")),
                    ("nee", t("Nee", "No", "Hayır", "لا", "Nie")),
                    ("weet_niet", DONT_KNOW),
                ),
            ),
        ],
    }


def _section_needs() -> dict:
    return {
        "title": t(
            "Wat heeft u nodig?",
            "What do you need?",
            "Neye ihtiyacınız var?",
            "ما الذي تحتاج إليه؟",
            "Czego Pan/Pani potrzebuje?",
        ),
        "intro": t(
            "De Zaanse Pas heeft aanbod op zes onderwerpen. Wij willen weten wat u daarvan "
            "nodig heeft.",
            "The Zaanse Pas has offers on six topics. We want to know what you need.",
            "Zaanse Pas'ta altı konuda teklifler var. Bunlardan hangisine ihtiyacınız "
            "olduğunu öğrenmek istiyoruz.",
            "تقدّم بطاقة Zaanse Pas عروضاً في ستة مواضيع. نريد أن نعرف ما تحتاج إليه منها.",
            "Zaanse Pas ma ofertę w sześciu dziedzinach. Chcemy wiedzieć, czego Pan/Pani "
            "z tego potrzebuje.",
        ),
        "questions": [
            _question(
                "behoefte_thema",
                "matrix",
                t(
                    "Hoeveel heeft u nodig op deze onderwerpen?",
                    "How much do you need on these topics?",
                    "Bu konularda ne kadar ihtiyacınız var?",
                    "ما مدى حاجتك في هذه المواضيع؟",
                    "Jak bardzo potrzebuje Pan/Pani wsparcia w tych dziedzinach?",
                ),
                help=ONE_PER_LINE,
                required=True,
                options=_options(
                    (
                        "niet",
                        t(
                            "Niet nodig",
                            "Not needed",
                            "İhtiyacım yok",
                            "لا أحتاج",
                            "Nie potrzebuję",
                        ),
                    ),
                    ("beetje", t("Een beetje", "A little", "Biraz", "قليلاً", "Trochę")),
                    ("veel", t("Veel", "A lot", "Çok", "كثيراً", "Bardzo")),
                    ("weet_niet", DONT_KNOW),
                ),
                rows=_themes(),
            ),
            _question(
                "zou_gebruiken",
                "multiple_choice",
                t(
                    "Welk aanbod zou u gebruiken als het goedkoper of gratis is?",
                    "Which offers would you use if they were cheaper or free?",
                    "Daha ucuz veya ücretsiz olsaydı hangi teklifleri kullanırdınız?",
                    "ما العروض التي ستستخدمها لو كانت أرخص أو مجانية؟",
                    "Z jakiej oferty skorzystał(a)by Pan/Pani, gdyby była tańsza lub darmowa?",
                ),
                help=MORE_ANSWERS,
                options=[
                    *_options(
                        (
                            "sportclub",
                            t(
                                "Sportclub voor kinderen",
                                "Sports club for children",
                                "Çocuklar için spor kulübü",
                                "نادٍ رياضي للأطفال",
                                "Klub sportowy dla dzieci",
                            ),
                        ),
                        (
                            "zwemles",
                            t(
                                "Zwemles",
                                "Swimming lessons",
                                "Yüzme dersi",
                                "دروس السباحة",
                                "Nauka pływania",
                            ),
                        ),
                        (
                            "sport_volwassenen",
                            t(
                                "Sporten voor volwassenen",
                                "Sport for adults",
                                "Yetişkinler için spor",
                                "رياضة للبالغين",
                                "Sport dla dorosłych",
                            ),
                        ),
                        (
                            "cultuur",
                            t(
                                "Museum, theater of bioscoop",
                                "Museum, theatre or cinema",
                                "Müze, tiyatro veya sinema",
                                "المتحف أو المسرح أو السينما",
                                "Muzeum, teatr lub kino",
                            ),
                        ),
                        (
                            "muziekles",
                            t(
                                "Muziekles of tekenles",
                                "Music or drawing lessons",
                                "Müzik veya resim dersi",
                                "دروس الموسيقى أو الرسم",
                                "Lekcje muzyki lub rysunku",
                            ),
                        ),
                        (
                            "computerhulp",
                            t(
                                "Hulp met computer en telefoon",
                                "Help with computer and phone",
                                "Bilgisayar ve telefon konusunda yardım",
                                "مساعدة في استخدام الحاسوب والهاتف",
                                "Pomoc z komputerem i telefonem",
                            ),
                        ),
                        (
                            "taalles",
                            t(
                                "Les in de Nederlandse taal",
                                "Dutch language lessons",
                                "Hollandaca dersi",
                                "دروس اللغة الهولندية",
                                "Lekcje języka niderlandzkiego",
                            ),
                        ),
                        (
                            "samen_eten",
                            t(
                                "Samen eten in de buurt",
                                "Eating together in the neighbourhood",
                                "Mahallede birlikte yemek",
                                "تناول الطعام معاً في الحي",
                                "Wspólne posiłki w okolicy",
                            ),
                        ),
                        (
                            "ouderen",
                            t(
                                "Activiteiten voor ouderen",
                                "Activities for older people",
                                "Yaşlılar için etkinlikler",
                                "أنشطة لكبار السن",
                                "Zajęcia dla seniorów",
                            ),
                        ),
                        (
                            "geldhulp",
                            t(
                                "Hulp bij geldzaken",
                                "Help with money matters",
                                "Para işlerinde yardım",
                                "مساعدة في الأمور المالية",
                                "Pomoc w sprawach finansowych",
                            ),
                        ),
                        (
                            "vervoer",
                            t(
                                "Goedkoper reizen met bus of trein",
                                "Cheaper travel by bus or train",
                                "Otobüs veya trenle daha ucuz yolculuk",
                                "السفر بالحافلة أو القطار بسعر أرخص",
                                "Tańsze przejazdy autobusem lub pociągiem",
                            ),
                        ),
                        (
                            "spullen",
                            t(
                                "Tweedehands spullen, zoals een wasmachine",
                                "Second-hand goods, such as a washing machine",
                                "Çamaşır makinesi gibi ikinci el eşyalar",
                                "أغراض مستعملة، مثل غسالة",
                                "Rzeczy z drugiej ręki, na przykład pralka",
                            ),
                        ),
                    ),
                    _other(),
                    _exclusive(
                        "geen",
                        t(
                            "Geen van deze",
                            "None of these",
                            "Hiçbiri",
                            "لا شيء مما سبق",
                            "Żadne z powyższych",
                        ),
                    ),
                ],
            ),
            _question(
                "belangrijkst",
                "ranking",
                t(
                    "Welk onderwerp is voor u het belangrijkst? Zet de onderwerpen op volgorde.",
                    "Which topic is most important to you? Put the topics in order.",
                    "Sizin için en önemli konu hangisi? Konuları sıraya koyun.",
                    "ما هو الموضوع الأهم بالنسبة لك؟ رتّب المواضيع.",
                    "Która dziedzina jest dla Pana/Pani najważniejsza? Proszę ułożyć je "
                    "w kolejności.",
                ),
                help=t(
                    "Geef het belangrijkste onderwerp een 1, het volgende een 2, en zo verder. "
                    "U mag ook alleen de eerste drie kiezen.",
                    "Give the most important topic a 1, the next one a 2, and so on. You may "
                    "also choose only the first three.",
                    "En önemli konuya 1, bir sonrakine 2 verin ve böyle devam edin. Sadece "
                    "ilk üçünü de seçebilirsiniz.",
                    "أعطِ الموضوع الأهم الرقم 1، والذي يليه الرقم 2، وهكذا. يمكنك أيضاً "
                    "اختيار الثلاثة الأولى فقط.",
                    "Najważniejszej dziedzinie proszę dać 1, następnej 2 i tak dalej. Można "
                    "też wybrać tylko pierwsze trzy.",
                ),
                options=_themes(),
            ),
            _question(
                "meest_helpen",
                "long_text",
                t(
                    "Wat zou u het meest helpen?",
                    "What would help you most?",
                    "Size en çok ne yardımcı olurdu?",
                    "ما الذي سيساعدك أكثر من أي شيء آخر؟",
                    "Co najbardziej by Panu/Pani pomogło?",
                ),
                help=t(
                    "Schrijf het in uw eigen woorden. Dat mag ook in uw eigen taal.",
                    "Write it in your own words. You may also write in your own language.",
                    "Kendi sözlerinizle yazın. Kendi dilinizde de yazabilirsiniz.",
                    "اكتب ذلك بكلماتك الخاصة. يمكنك أيضاً الكتابة بلغتك.",
                    "Proszę napisać własnymi słowami. Można też pisać we własnym języku.",
                ),
            ),
        ],
    }


def _section_barriers() -> dict:
    return {
        "title": t(
            "Wat houdt u tegen?",
            "What holds you back?",
            "Sizi ne engelliyor?",
            "ما الذي يمنعك؟",
            "Co Panu/Pani przeszkadza?",
        ),
        "intro": t(
            "Soms is het moeilijk om mee te doen. Wij willen weten waarom.",
            "Sometimes it is hard to take part. We want to know why.",
            "Bazen bir şeylere katılmak zordur. Nedenini öğrenmek istiyoruz.",
            "أحياناً تكون المشاركة صعبة. نريد أن نعرف السبب.",
            "Czasem trudno jest w czymś uczestniczyć. Chcemy wiedzieć dlaczego.",
        ),
        "questions": [
            _question(
                "mee_gedaan",
                "yes_no",
                t(
                    "Heeft u het afgelopen jaar meegedaan aan een activiteit in uw buurt?",
                    "In the past year, did you take part in an activity in your neighbourhood?",
                    "Geçen yıl mahallenizdeki bir etkinliğe katıldınız mı?",
                    "هل شاركت في نشاط في حيّك خلال السنة الماضية؟",
                    "Czy w ostatnim roku brał(a) Pan/Pani udział w zajęciach w swojej okolicy?",
                ),
                help=t(
                    "Bijvoorbeeld sport, een cursus of een koffieochtend.",
                    "For example sport, a course or a coffee morning.",
                    "Örneğin spor, bir kurs veya bir kahve sabahı.",
                    "مثلاً رياضة أو دورة أو لقاء صباحي على القهوة.",
                    "Na przykład sport, kurs lub poranne spotkanie przy kawie.",
                ),
                options=YES_NO,
            ),
            _question(
                "barriere",
                "multiple_choice",
                t(
                    "Wat houdt u tegen om mee te doen?",
                    "What stops you from taking part?",
                    "Katılmanızı ne engelliyor?",
                    "ما الذي يمنعك من المشاركة؟",
                    "Co utrudnia Panu/Pani udział?",
                ),
                help=MORE_ANSWERS,
                required=True,
                options=[
                    *_options(
                        (
                            "kosten",
                            t(
                                "Het kost te veel geld",
                                "It costs too much money",
                                "Çok pahalı",
                                "التكلفة مرتفعة جداً",
                                "To kosztuje za dużo",
                            ),
                        ),
                        (
                            "afstand",
                            t(
                                "Het is te ver weg",
                                "It is too far away",
                                "Çok uzak",
                                "المكان بعيد جداً",
                                "To jest za daleko",
                            ),
                        ),
                        (
                            "schaamte",
                            t(
                                "Ik schaam me",
                                "I feel ashamed",
                                "Utanıyorum",
                                "أشعر بالخجل",
                                "Wstydzę się",
                            ),
                        ),
                        (
                            "onbekend",
                            t(
                                "Ik weet niet wat er is",
                                "I don't know what is available",
                                "Neler olduğunu bilmiyorum",
                                "لا أعرف ما هو متاح",
                                "Nie wiem, co jest dostępne",
                            ),
                        ),
                        (
                            "geen_tijd",
                            t(
                                "Ik heb geen tijd",
                                "I have no time",
                                "Vaktim yok",
                                "ليس لدي وقت",
                                "Nie mam czasu",
                            ),
                        ),
                        (
                            "taal",
                            t(
                                "De taal is moeilijk voor mij",
                                "The language is difficult for me",
                                "Dil benim için zor",
                                "اللغة صعبة بالنسبة لي",
                                "Język jest dla mnie trudny",
                            ),
                        ),
                        (
                            "gezondheid",
                            t("Mijn gezondheid", "My health", "Sağlığım", "صحتي", "Moje zdrowie"),
                        ),
                        (
                            "alleen",
                            t(
                                "Ik wil niet alleen gaan",
                                "I don't want to go alone",
                                "Yalnız gitmek istemiyorum",
                                "لا أريد الذهاب وحدي",
                                "Nie chcę iść sam(a)",
                            ),
                        ),
                        (
                            "oppas",
                            t(
                                "Ik heb geen oppas voor de kinderen",
                                "I have no one to look after the children",
                                "Çocuklara bakacak kimsem yok",
                                "لا يوجد من يعتني بالأطفال",
                                "Nie mam z kim zostawić dzieci",
                            ),
                        ),
                        (
                            "online",
                            t(
                                "Aanmelden kan alleen via internet",
                                "You can only sign up online",
                                "Kayıt sadece internetten yapılabiliyor",
                                "التسجيل ممكن عبر الإنترنت فقط",
                                "Zapisać się można tylko przez internet",
                            ),
                        ),
                    ),
                    _other(),
                    _exclusive(
                        "geen",
                        t(
                            "Niets houdt mij tegen",
                            "Nothing holds me back",
                            "Beni hiçbir şey engellemiyor",
                            "لا شيء يمنعني",
                            "Nic mi nie przeszkadza",
                        ),
                    ),
                ],
            ),
            _question(
                "info_kanaal",
                "single_choice",
                t(
                    "Hoe hoort u het liefst over aanbod in uw buurt?",
                    "How would you most like to hear about offers in your neighbourhood?",
                    "Mahallenizdeki teklifleri en çok nasıl öğrenmek istersiniz?",
                    "كيف تفضّل أن تعرف عن العروض في حيّك؟",
                    "Jak najchętniej dowiadywał(a)by się Pan/Pani o ofercie w swojej okolicy?",
                ),
                options=[
                    *_options(
                        (
                            "brief",
                            t("Met een brief", "By letter", "Mektupla", "برسالة بالبريد", "Listem"),
                        ),
                        (
                            "email",
                            t(
                                "Met een e-mail",
                                "By email",
                                "E-postayla",
                                "بالبريد الإلكتروني",
                                "E-mailem",
                            ),
                        ),
                        (
                            "whatsapp",
                            t(
                                "Via WhatsApp",
                                "Via WhatsApp",
                                "WhatsApp ile",
                                "عبر واتساب",
                                "Przez WhatsApp",
                            ),
                        ),
                        (
                            "app",
                            t(
                                "Op de website of in de app van de Zaanse Pas",
                                "On the Zaanse Pas website or app",
                                "Zaanse Pas web sitesinde veya uygulamasında",
                                "على موقع أو تطبيق Zaanse Pas",
                                "Na stronie internetowej lub w aplikacji Zaanse Pas",
                            ),
                        ),
                        (
                            "persoonlijk",
                            t(
                                "Van iemand die het mij vertelt, bijvoorbeeld op school of in "
                                "het buurthuis",
                                "From someone who tells me, for example at school or in the "
                                "community centre",
                                "Bana anlatan birinden, örneğin okulda veya mahalle merkezinde",
                                "من شخص يخبرني، مثلاً في المدرسة أو في المركز المجتمعي",
                                "Od kogoś, kto mi o tym powie, na przykład w szkole lub "
                                "w centrum sąsiedzkim",
                            ),
                        ),
                    ),
                    _other(),
                ],
            ),
            _question(
                "stellingen",
                "matrix",
                t(
                    "Bent u het eens met deze zinnen?",
                    "Do you agree with these statements?",
                    "Aşağıdaki cümlelere katılıyor musunuz?",
                    "هل توافق على هذه العبارات؟",
                    "Czy zgadza się Pan/Pani z tymi zdaniami?",
                ),
                help=ONE_PER_LINE,
                options=_options(
                    (
                        "oneens",
                        t("Oneens", "Disagree", "Katılmıyorum", "لا أوافق", "Nie zgadzam się"),
                    ),
                    (
                        "neutraal",
                        t(
                            "Niet eens, niet oneens",
                            "Neither agree nor disagree",
                            "Ne katılıyorum ne katılmıyorum",
                            "لا أوافق ولا أعارض",
                            "Ani się zgadzam, ani nie zgadzam",
                        ),
                    ),
                    ("eens", t("Eens", "Agree", "Katılıyorum", "أوافق", "Zgadzam się")),
                ),
                rows=_options(
                    (
                        "hulp_vragen",
                        t(
                            "Ik weet waar ik hulp kan vragen.",
                            "I know where to ask for help.",
                            "Nereden yardım isteyebileceğimi biliyorum.",
                            "أعرف أين يمكنني طلب المساعدة.",
                            "Wiem, gdzie mogę poprosić o pomoc.",
                        ),
                    ),
                    (
                        "meedoen",
                        t(
                            "Ik kan meedoen aan activiteiten in mijn buurt.",
                            "I can take part in activities in my neighbourhood.",
                            "Mahallemdeki etkinliklere katılabiliyorum.",
                            "أستطيع المشاركة في الأنشطة في حيّي.",
                            "Mogę brać udział w zajęciach w mojej okolicy.",
                        ),
                    ),
                    (
                        "thuis",
                        t(
                            "Ik voel me thuis in Zaanstad.",
                            "I feel at home in Zaanstad.",
                            "Zaanstad'da kendimi evimde hissediyorum.",
                            "أشعر أنني في بيتي في زانستاد.",
                            "Czuję się w Zaanstad jak u siebie.",
                        ),
                    ),
                ),
            ),
            _question(
                "tevreden_buurt",
                "likert",
                t(
                    "Hoe tevreden bent u over sport, cultuur en ontmoeting in uw buurt?",
                    "How satisfied are you with sport, culture and meeting places in your "
                    "neighbourhood?",
                    "Mahallenizdeki spor, kültür ve buluşma imkânlarından ne kadar memnunsunuz?",
                    "ما مدى رضاك عن الرياضة والثقافة وأماكن اللقاء في حيّك؟",
                    "Jak bardzo jest Pan/Pani zadowolony/a ze sportu, kultury i miejsc spotkań "
                    "w swojej okolicy?",
                ),
                settings={"points": 5},
                options=_satisfaction(),
            ),
            _question(
                "vrijwilliger",
                "yes_no",
                t(
                    "Wilt u zelf iets doen voor anderen in uw buurt? Bijvoorbeeld als "
                    "vrijwilliger.",
                    "Would you like to do something for others in your neighbourhood? For "
                    "example as a volunteer.",
                    "Mahallenizde başkaları için bir şey yapmak ister misiniz? Örneğin gönüllü "
                    "olarak.",
                    "هل تريد أن تقدّم شيئاً للآخرين في حيّك؟ مثلاً كمتطوّع.",
                    "Czy chciał(a)by Pan/Pani zrobić coś dla innych w swojej okolicy? Na "
                    "przykład jako wolontariusz.",
                ),
                options=YES_NO,
            ),
            _question(
                "hulp_digitaal",
                "yes_no",
                t(
                    "Wilt u hulp bij het gebruik van een computer of telefoon?",
                    "Would you like help using a computer or phone?",
                    "Bilgisayar veya telefon kullanırken yardım ister misiniz?",
                    "هل تريد مساعدة في استخدام الحاسوب أو الهاتف؟",
                    "Czy chciał(a)by Pan/Pani pomocy w korzystaniu z komputera lub telefonu?",
                ),
                options=YES_NO,
            ),
        ],
    }


def _age_bands() -> list[dict]:
    # The codes are city.models.AgeBand's, so answers compare with the population figures.
    return _options(
        (
            "15-24",
            t("15 tot 25 jaar", "15 to 24 years", "15-24 yaş", "من 15 إلى 24 سنة", "15–24 lata"),
        ),
        (
            "25-44",
            t("25 tot 45 jaar", "25 to 44 years", "25-44 yaş", "من 25 إلى 44 سنة", "25–44 lata"),
        ),
        (
            "45-64",
            t("45 tot 65 jaar", "45 to 64 years", "45-64 yaş", "من 45 إلى 64 سنة", "45–64 lata"),
        ),
        (
            "65+",
            t(
                "65 jaar en ouder",
                "65 years or older",
                "65 yaş ve üzeri",
                "65 سنة فأكثر",
                "65 lat i więcej",
            ),
        ),
    )


def _section_about_you() -> dict:
    return {
        "title": t("Over u", "About you", "Sizin hakkınızda", "معلومات عنك", "O Panu/Pani"),
        "intro": t(
            "Tot slot een paar vragen over u. Zo weten wij of wij mensen uit alle wijken bereiken.",
            "Finally, a few questions about you. They tell us whether we reach people from "
            "every neighbourhood.",
            "Son olarak sizinle ilgili birkaç soru. Böylece her mahalleden insanlara ulaşıp "
            "ulaşmadığımızı anlarız.",
            "وأخيراً بعض الأسئلة عنك. هكذا نعرف إن كنا نصل إلى الناس في كل الأحياء.",
            "Na koniec kilka pytań o Pana/Panią. Dzięki nim wiemy, czy docieramy do ludzi "
            "ze wszystkich dzielnic.",
        ),
        "questions": [
            _question(
                "postcode",
                "postcode",
                t(
                    "Wat zijn de cijfers van uw postcode?",
                    "What are the digits of your postcode?",
                    "Posta kodunuzun rakamları nedir?",
                    "ما هي أرقام رمزك البريدي؟",
                    "Jakie są cyfry Pana/Pani kodu pocztowego?",
                ),
                help=t(
                    "Alleen de 4 cijfers, bijvoorbeeld 1506.",
                    "Only the 4 digits, for example 1506.",
                    "Sadece 4 rakam, örneğin 1506.",
                    "الأرقام الأربعة فقط، مثلاً 1506.",
                    "Tylko 4 cyfry, na przykład 1506.",
                ),
            ),
            _question(
                "leeftijd",
                "age_band",
                t(
                    "Hoe oud bent u?",
                    "How old are you?",
                    "Kaç yaşındasınız?",
                    "كم عمرك؟",
                    "Ile ma Pan/Pani lat?",
                ),
                options=_age_bands(),
            ),
            _question(
                "geslacht",
                "single_choice",
                t(
                    "Wat is uw geslacht?",
                    "What is your sex?",
                    "Cinsiyetiniz nedir?",
                    "ما جنسك؟",
                    "Jaka jest Pana/Pani płeć?",
                ),
                demographic="sex",
                # "m" and "v" are city.models.Sex, so they compare with the population.
                options=_options(
                    ("m", t("Man", "Male", "Erkek", "ذكر", "Mężczyzna")),
                    ("v", t("Vrouw", "Female", "Kadın", "أنثى", "Kobieta")),
                    (
                        "x",
                        t(
                            "Anders, of zeg ik liever niet",
                            "Other, or I'd rather not say",
                            "Diğer veya söylemek istemiyorum",
                            "غير ذلك، أو أفضّل عدم القول",
                            "Inna lub wolę nie mówić",
                        ),
                    ),
                ),
            ),
            _question(
                "huishouden",
                "single_choice",
                t(
                    "Met wie woont u?",
                    "Who do you live with?",
                    "Kiminle yaşıyorsunuz?",
                    "مع من تسكن؟",
                    "Z kim Pan/Pani mieszka?",
                ),
                required=True,
                options=[
                    *_options(
                        ("alleen", t("Alleen", "Alone", "Yalnız", "وحدي", "Sam(a)")),
                        (
                            "alleen_kinderen",
                            t(
                                "Alleen met mijn kind of kinderen",
                                "Alone with my child or children",
                                "Yalnızca çocuğum veya çocuklarımla",
                                "وحدي مع طفلي أو أطفالي",
                                "Sam(a) z dzieckiem lub dziećmi",
                            ),
                        ),
                        (
                            "partner",
                            t(
                                "Met mijn partner, zonder kinderen",
                                "With my partner, without children",
                                "Eşimle, çocuksuz",
                                "مع شريكي، بدون أطفال",
                                "Z partnerem/partnerką, bez dzieci",
                            ),
                        ),
                        (
                            "partner_kinderen",
                            t(
                                "Met mijn partner en kinderen",
                                "With my partner and children",
                                "Eşim ve çocuklarımla",
                                "مع شريكي وأطفالي",
                                "Z partnerem/partnerką i dziećmi",
                            ),
                        ),
                        (
                            "ouders",
                            t(
                                "Bij mijn ouders",
                                "With my parents",
                                "Annem ve babamla",
                                "مع والديّ",
                                "Z rodzicami",
                            ),
                        ),
                    ),
                    _other(),
                ],
            ),
            _question(
                "kinderen",
                "number",
                t(
                    "Hoeveel kinderen onder de 18 jaar wonen bij u?",
                    "How many children under 18 live with you?",
                    "Sizinle birlikte 18 yaşından küçük kaç çocuk yaşıyor?",
                    "كم طفلاً دون 18 سنة يعيش معك؟",
                    "Ile dzieci poniżej 18 lat mieszka z Panem/Panią?",
                ),
                show_if=_when(
                    ("huishouden", "eq", "alleen_kinderen"),
                    ("huishouden", "eq", "partner_kinderen"),
                    match="any",
                ),
                settings={"min": 0, "max": 15, "decimals": 0},
            ),
            _question(
                "inkomen",
                "single_choice",
                t(
                    "Hoeveel geld komt er per maand binnen in uw huishouden?",
                    "How much money does your household receive per month?",
                    "Hanenize ayda ne kadar para giriyor?",
                    "كم من المال يدخل إلى أسرتك كل شهر؟",
                    "Ile pieniędzy miesięcznie wpływa do Pana/Pani gospodarstwa domowego?",
                ),
                help=t(
                    "Alles bij elkaar, na belasting. Bijvoorbeeld loon, uitkering, pensioen "
                    "en toeslagen.",
                    "Everything together, after tax. For example wages, benefits, pension and "
                    "allowances.",
                    "Hepsi bir arada, vergiden sonra. Örneğin maaş, sosyal yardım, emekli "
                    "maaşı ve ödenekler.",
                    "المجموع كله بعد الضرائب. مثلاً الراتب والإعانة والمعاش التقاعدي والبدلات.",
                    "Wszystko razem, po opodatkowaniu. Na przykład pensja, zasiłek, emerytura "
                    "i dodatki.",
                ),
                options=_options(
                    (
                        "tot_1500",
                        t(
                            "Minder dan € 1.500",
                            "Less than €1,500",
                            "1.500 €'dan az",
                            "أقل من 1500 يورو",
                            "Mniej niż 1500 €",
                        ),
                    ),
                    (
                        "1500_2000",
                        t(
                            "€ 1.500 tot € 2.000",
                            "€1,500 to €2,000",
                            "1.500 € ile 2.000 € arası",
                            "من 1500 إلى 2000 يورو",
                            "Od 1500 do 2000 €",
                        ),
                    ),
                    (
                        "2000_3000",
                        t(
                            "€ 2.000 tot € 3.000",
                            "€2,000 to €3,000",
                            "2.000 € ile 3.000 € arası",
                            "من 2000 إلى 3000 يورو",
                            "Od 2000 do 3000 €",
                        ),
                    ),
                    (
                        "3000_4000",
                        t(
                            "€ 3.000 tot € 4.000",
                            "€3,000 to €4,000",
                            "3.000 € ile 4.000 € arası",
                            "من 3000 إلى 4000 يورو",
                            "Od 3000 do 4000 €",
                        ),
                    ),
                    (
                        "vanaf_4000",
                        t(
                            "Meer dan € 4.000",
                            "More than €4,000",
                            "4.000 €'dan fazla",
                            "أكثر من 4000 يورو",
                            "Więcej niż 4000 €",
                        ),
                    ),
                    (
                        "onbekend",
                        t(
                            "Weet ik niet, of zeg ik liever niet",
                            "I don't know, or I'd rather not say",
                            "Bilmiyorum veya söylemek istemiyorum",
                            "لا أعرف، أو أفضّل عدم القول",
                            "Nie wiem lub wolę nie mówić",
                        ),
                    ),
                ),
            ),
            _question(
                "rondkomen",
                "likert",
                t(
                    "Hoe makkelijk of moeilijk kunt u rondkomen met uw geld?",
                    "How easy or hard is it for you to make ends meet?",
                    "Geçiminizi sağlamak sizin için ne kadar kolay veya zor?",
                    "ما مدى سهولة أو صعوبة تدبير أمورك بالمال الذي لديك؟",
                    "Jak łatwo lub trudno jest Panu/Pani związać koniec z końcem?",
                ),
                settings={"points": 5},
                options=_options(
                    ("1", t("Heel moeilijk", "Very hard", "Çok zor", "صعب جداً", "Bardzo trudno")),
                    ("2", t("Moeilijk", "Hard", "Zor", "صعب", "Trudno")),
                    (
                        "3",
                        t(
                            "Niet makkelijk, niet moeilijk",
                            "Neither easy nor hard",
                            "Ne kolay ne zor",
                            "لا سهل ولا صعب",
                            "Ani łatwo, ani trudno",
                        ),
                    ),
                    ("4", t("Makkelijk", "Easy", "Kolay", "سهل", "Łatwo")),
                    ("5", t("Heel makkelijk", "Very easy", "Çok kolay", "سهل جداً", "Bardzo łatwo")),
                ),
            ),
            _question(
                "dagbesteding",
                "single_choice",
                t(
                    "Wat doet u overdag vooral?",
                    "What do you mainly do during the day?",
                    "Gün içinde çoğunlukla ne yapıyorsunuz?",
                    "ماذا تفعل في الغالب خلال النهار؟",
                    "Czym zajmuje się Pan/Pani głównie w ciągu dnia?",
                ),
                options=[
                    *_options(
                        (
                            "werk",
                            t(
                                "Ik heb betaald werk",
                                "I have paid work",
                                "Ücretli bir işte çalışıyorum",
                                "لدي عمل مدفوع الأجر",
                                "Pracuję zarobkowo",
                            ),
                        ),
                        (
                            "school",
                            t(
                                "Ik ga naar school of ik studeer",
                                "I go to school or study",
                                "Okula gidiyorum veya üniversitede okuyorum",
                                "أذهب إلى المدرسة أو أدرس",
                                "Chodzę do szkoły lub studiuję",
                            ),
                        ),
                        (
                            "werk_zoeken",
                            t(
                                "Ik zoek werk",
                                "I am looking for work",
                                "İş arıyorum",
                                "أبحث عن عمل",
                                "Szukam pracy",
                            ),
                        ),
                        (
                            "zorg",
                            t(
                                "Ik zorg voor het huishouden of voor iemand anders",
                                "I look after the household or someone else",
                                "Ev işleriyle veya başka birinin bakımıyla ilgileniyorum",
                                "أعتني بالمنزل أو بشخص آخر",
                                "Zajmuję się domem lub opiekuję się kimś",
                            ),
                        ),
                        (
                            "pensioen",
                            t(
                                "Ik ben met pensioen",
                                "I am retired",
                                "Emekliyim",
                                "أنا متقاعد",
                                "Jestem na emeryturze",
                            ),
                        ),
                        (
                            "gezondheid",
                            t(
                                "Ik kan niet werken door mijn gezondheid",
                                "I cannot work because of my health",
                                "Sağlığım nedeniyle çalışamıyorum",
                                "لا أستطيع العمل بسبب صحتي",
                                "Nie mogę pracować ze względu na zdrowie",
                            ),
                        ),
                    ),
                    _other(),
                ],
            ),
            _question(
                "taal_thuis",
                "single_choice",
                t(
                    "Welke taal spreekt u thuis het meest?",
                    "Which language do you speak most at home?",
                    "Evde en çok hangi dili konuşuyorsunuz?",
                    "ما اللغة التي تتحدثها في البيت أكثر من غيرها؟",
                    "W jakim języku mówi Pan/Pani najczęściej w domu?",
                ),
                options=[
                    *_options(
                        ("nl", t("Nederlands", "Dutch", "Hollandaca", "الهولندية", "Niderlandzki")),
                        ("tr", t("Turks", "Turkish", "Türkçe", "التركية", "Turecki")),
                        ("ar", t("Arabisch", "Arabic", "Arapça", "العربية", "Arabski")),
                        ("pl", t("Pools", "Polish", "Lehçe", "البولندية", "Polski")),
                        ("en", t("Engels", "English", "İngilizce", "الإنجليزية", "Angielski")),
                    ),
                    _other(),
                ],
            ),
            _question(
                "opmerking",
                "short_text",
                t(
                    "Wilt u nog iets zeggen over deze vragenlijst?",
                    "Is there anything else you would like to say about this questionnaire?",
                    "Bu anket hakkında söylemek istediğiniz başka bir şey var mı?",
                    "هل تريد أن تقول شيئاً آخر عن هذا الاستبيان؟",
                    "Czy chciał(a)by Pan/Pani coś jeszcze powiedzieć o tej ankiecie?",
                ),
                settings={"max_length": 300},
            ),
        ],
    }


def needs_scan_spec() -> dict:
    """The demo needs scan as a spec for spec.create_survey_from_spec (a fresh dict)."""
    return {
        "series": SERIES,
        "languages": list(LANGUAGES),
        "title": t(
            "Behoeftescan Zaanse Pas 2026",
            "Zaanse Pas needs survey 2026",
            "Zaanse Pas İhtiyaç Anketi 2026",
            "استبيان الاحتياجات لبطاقة Zaanse Pas 2026",
            "Ankieta potrzeb Zaanse Pas 2026",
        ),
        "intro": t(
            "De gemeente Zaanstad wil weten wat u nodig heeft. Dan kunnen wij het aanbod op "
            "de Zaanse Pas beter maken. De vragenlijst duurt ongeveer 10 minuten. Uw "
            "antwoorden zijn anoniem: wij weten niet wie u bent.",
            "The municipality of Zaanstad wants to know what you need. Then we can make the "
            "offers on the Zaanse Pas better. The questionnaire takes about 10 minutes. Your "
            "answers are anonymous: we do not know who you are.",
            "Zaanstad Belediyesi neye ihtiyacınız olduğunu öğrenmek istiyor. Böylece Zaanse "
            "Pas'taki teklifleri daha iyi hale getirebiliriz. Anket yaklaşık 10 dakika sürer. "
            "Cevaplarınız anonimdir: kim olduğunuzu bilmiyoruz.",
            "تريد بلدية زانستاد أن تعرف ما تحتاج إليه، حتى نتمكّن من تحسين العروض على بطاقة "
            "Zaanse Pas. يستغرق الاستبيان حوالي 10 دقائق. إجاباتك مجهولة الهوية: نحن لا نعرف "
            "من أنت.",
            "Gmina Zaanstad chce wiedzieć, czego Pan/Pani potrzebuje. Dzięki temu możemy "
            "ulepszyć ofertę Zaanse Pas. Ankieta trwa około 10 minut. Odpowiedzi są "
            "anonimowe: nie wiemy, kim Pan/Pani jest.",
        ),
        "thanks": t(
            "Hartelijk dank voor uw antwoorden! In september laten wij zien wat er uit de "
            "vragenlijst komt.",
            "Thank you very much for your answers! In September we will show the results "
            "of the survey.",
            "Cevaplarınız için çok teşekkür ederiz! Eylül ayında anketin sonuçlarını paylaşacağız.",
            "شكراً جزيلاً على إجاباتك! في شهر سبتمبر سنعرض نتائج هذا الاستبيان.",
            "Bardzo dziękujemy za odpowiedzi! We wrześniu pokażemy wyniki ankiety.",
        ),
        "ask_follow_up": True,
        "sections": [
            _section_pass(),
            _section_needs(),
            _section_barriers(),
            _section_about_you(),
        ],
    }
