"""The demo needs scan: "Behoeftescan Zaanse Pas 2026" as a survey spec (see spec.py).

About thirty questions in plain Dutch (B1, "u"), with English, Turkish, Arabic and Polish
for every text a respondent reads. It uses every question kind once or more, and stable
codes, so a next wave can be compared with this one. The matrix and ranking rows carry the
codes of the six policy themes of `city` (city.demo_data.THEMES), so answers can be linked
to the themes of the offer.
"""

from .demo_survey_about_you import section_about_you
from .demo_survey_needs import section_barriers, section_needs
from .demo_survey_texts import (
    DONT_KNOW,
    MORE_ANSWERS,
    YES_NO,
    make_question,
    options,
    other_option,
    satisfaction_options,
    t,
    when,
)

LANGUAGES = ["nl", "en", "tr", "ar", "pl"]
SERIES = "behoeftescan-2026"


def section_pass() -> dict:
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
            make_question(
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
            make_question(
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
            make_question(
                "heeft_pas",
                "yes_no",
                t(
                    "Heeft u zelf een Zaanse Pas?",
                    "Do you have a Zaanse Pas yourself?",
                    "Kendinize ait bir Zaanse Pas'ınız var mı?",
                    "هل لديك بطاقة Zaanse Pas خاصة بك؟",
                    "Czy ma Pan/Pani własną Zaanse Pas?",
                ),
                show_if=when(("kent_pas", "eq", "1")),
                options=YES_NO,
            ),
            make_question(
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
                show_if=when(("kent_pas", "eq", "1")),
                options=[
                    *options(
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
                    other_option(),
                ],
            ),
            make_question(
                "gebruik_pas",
                "single_choice",
                t(
                    "Hoe vaak gebruikt u de Zaanse Pas?",
                    "How often do you use the Zaanse Pas?",
                    "Zaanse Pas'ı ne sıklıkla kullanıyorsunuz?",
                    "كم مرة تستخدم بطاقة Zaanse Pas؟",
                    "Jak często korzysta Pan/Pani z Zaanse Pas?",
                ),
                show_if=when(("heeft_pas", "eq", "1")),
                options=options(
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
            make_question(
                "waarom_niet",
                "short_text",
                t(
                    "Waarom gebruikt u de pas niet?",
                    "Why do you not use the pass?",
                    "Kartı neden kullanmıyorsunuz?",
                    "لماذا لا تستخدم البطاقة؟",
                    "Dlaczego nie korzysta Pan/Pani z karty?",
                ),
                show_if=when(("gebruik_pas", "eq", "nooit")),
                settings={"max_length": 300},
            ),
            make_question(
                "tevreden_pas",
                "likert",
                t(
                    "Hoe tevreden bent u over de Zaanse Pas?",
                    "How satisfied are you with the Zaanse Pas?",
                    "Zaanse Pas'tan ne kadar memnunsunuz?",
                    "ما مدى رضاك عن بطاقة Zaanse Pas؟",
                    "Jak bardzo jest Pan/Pani zadowolony/a z Zaanse Pas?",
                ),
                show_if=when(("heeft_pas", "eq", "1"), ("gebruik_pas", "ne", "nooit")),
                settings={"points": 5},
                options=satisfaction_options(),
            ),
            make_question(
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
                show_if=when(("heeft_pas", "eq", "1"), ("gebruik_pas", "ne", "nooit")),
                settings={
                    "low": t("Heel slecht", "Very bad", "Çok kötü", "سيئة جداً", "Bardzo źle"),
                    "high": t("Heel goed", "Very good", "Çok iyi", "جيدة جداً", "Bardzo dobrze"),
                },
            ),
            make_question(
                "kopen_pas",
                "single_choice",
                t(
                    "De Zaanse Pas kost € 25 per jaar. Zou u de pas kopen?",
                    "The Zaanse Pas costs €25 a year. Would you buy the pass?",
                    "Zaanse Pas'ın yıllık ücreti 25 €. Bu kartı satın alır mıydınız?",
                    "تكلفة بطاقة Zaanse Pas هي 25 يورو في السنة. هل ستشتري البطاقة؟",
                    "Zaanse Pas kosztuje 25 € rocznie. Czy kupił(a)by Pan/Pani tę kartę?",
                ),
                show_if=when(("heeft_pas", "ne", "1")),
                options=options(
                    ("ja", t("Ja", "Yes", "Evet", "نعم", "Tak")),
                    ("misschien", t("Misschien", "Maybe", "Belki", "ربما", "Może")),
                    ("nee", t("Nee", "No", "Hayır", "لا", "Nie")),
                    ("weet_niet", DONT_KNOW),
                ),
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
            section_pass(),
            section_needs(),
            section_barriers(),
            section_about_you(),
        ],
    }
