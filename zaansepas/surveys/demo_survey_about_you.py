"""The demo needs scan's last section: about the respondent (postcode, age, household,
income), the facts the response is weighted on."""

from .demo_survey_texts import (
    make_question,
    options,
    other_option,
    t,
    when,
)


def _age_bands() -> list[dict]:
    # The codes are city.models.AgeBand's, so answers compare with the population figures.
    return options(
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


def section_about_you() -> dict:
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
            make_question(
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
            make_question(
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
            make_question(
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
                options=options(
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
            make_question(
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
                    *options(
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
                    other_option(),
                ],
            ),
            make_question(
                "kinderen",
                "number",
                t(
                    "Hoeveel kinderen onder de 18 jaar wonen bij u?",
                    "How many children under 18 live with you?",
                    "Sizinle birlikte 18 yaşından küçük kaç çocuk yaşıyor?",
                    "كم طفلاً دون 18 سنة يعيش معك؟",
                    "Ile dzieci poniżej 18 lat mieszka z Panem/Panią?",
                ),
                show_if=when(
                    ("huishouden", "eq", "alleen_kinderen"),
                    ("huishouden", "eq", "partner_kinderen"),
                    match="any",
                ),
                settings={"min": 0, "max": 15, "decimals": 0},
            ),
            make_question(
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
                options=options(
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
            make_question(
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
                options=options(
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
            make_question(
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
                    *options(
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
                    other_option(),
                ],
            ),
            make_question(
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
                    *options(
                        ("nl", t("Nederlands", "Dutch", "Hollandaca", "الهولندية", "Niderlandzki")),
                        ("tr", t("Turks", "Turkish", "Türkçe", "التركية", "Turecki")),
                        ("ar", t("Arabisch", "Arabic", "Arapça", "العربية", "Arabski")),
                        ("pl", t("Pools", "Polish", "Lehçe", "البولندية", "Polski")),
                        ("en", t("Engels", "English", "İngilizce", "الإنجليزية", "Angielski")),
                    ),
                    other_option(),
                ],
            ),
            make_question(
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
