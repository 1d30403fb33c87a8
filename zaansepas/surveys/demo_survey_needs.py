"""The demo needs scan's sections on needs per theme and on what stops people taking part."""

from .demo_survey_texts import (
    DONT_KNOW,
    MORE_ANSWERS,
    ONE_PER_LINE,
    YES_NO,
    exclusive_option,
    make_question,
    options,
    other_option,
    satisfaction_options,
    t,
    theme_options,
)


def section_needs() -> dict:
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
            make_question(
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
                options=options(
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
                rows=theme_options(),
            ),
            make_question(
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
                    *options(
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
                    other_option(),
                    exclusive_option(
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
            make_question(
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
                options=theme_options(),
            ),
            make_question(
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


def section_barriers() -> dict:
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
            make_question(
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
            make_question(
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
                    *options(
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
                    other_option(),
                    exclusive_option(
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
            make_question(
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
                    *options(
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
                    other_option(),
                ],
            ),
            make_question(
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
                options=options(
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
                rows=options(
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
            make_question(
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
                options=satisfaction_options(),
            ),
            make_question(
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
            make_question(
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
