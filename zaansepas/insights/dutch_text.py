"""Dutch text for the open-answer themes: normalising, tokenising, stopwords and stemming.

Everything here is a plain function on strings, with no model download: the Snowball Dutch
stemmer (``snowballstemmer``) does the stemming, and the stopword list below is our own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Longer answers are cut to this many characters before they are analysed (the quote shown to
# the researcher stays whole). One pasted letter should not weigh like a hundred answers, and
# the cap keeps the time per answer bounded.
MAX_ANALYSED_CHARS = 2000

# Tokens are runs of letters of any script; digits, punctuation and emoji split them.
_TOKEN = re.compile(r"[^\W\d_]+")


def _word_list(block: str) -> list[str]:
    """The words of a block of text: word lists below are written as wrapped prose."""
    return block.split()


# Words that say nothing about *what* a resident needs. Accents are stripped (as in
# ``normalise``) before the lookup, so "één" is found as "een". Four groups: the ordinary
# function words of Dutch; auxiliaries and very general verbs; adverbs and evaluations that
# colour an answer but don't say what it is about; and the filler of survey answers ("graag",
# "nvt", "weet ik niet", "dank u wel").
STOPWORDS = frozenset(
    _word_list(
        """
    aan achter af al alle allemaal alles als alsof ander andere anders behalve beide bij
    binnen boven buiten daar daarbij daardoor daarin daarna daarom daarvan dan dat de deze die
    dit door dus een eens elk elke en enig enige er erbij erin ermee ernaar erop erover eruit
    ervan ervoor hen het hier hij hoe hoewel hun hunne ik in is je jij jou jouw jullie kan
    maar me mee meer men met mij mijn minder mijne naar naast nabij na niet niets niks noch
    nog nu of ofwel om omdat onder ons onze ook op over per sinds te tegen ten ter tijdens tot
    tussen u uit uw van vanaf vanuit veel via voor vooral voordat vóór waar waardoor waarin
    waarom waarvan wat we welk welke wie wij wiens want zich zelf zelfs zij zijn zo zoals
    zodat zonder zou zouden ze zulke zulk hem haar hare ikzelf mezelf jezelf onszelf wie's
    dezelfde hetzelfde iemand iets ieder iedere iedereen niemand ergens nergens overal
    de het een der des den 'n 't m'n z'n d'r

    ben bent is zijn was waren wezen geweest word wordt worden werd werden geworden heb hebt
    heeft hebben had hadden gehad kan kun kunt kunnen kon konden gekund zal zult zullen zou
    zouden wil wilt willen wilde wilden gewild moet moeten moest moesten gemoeten mag mogen
    mocht mochten gemogen ga gaat gaan ging gingen gegaan doe doet doen deed deden gedaan kom
    komt komen kwam kwamen gekomen krijg krijgt krijgen kreeg kregen gekregen laat laten liet
    lieten gelaten zie ziet zien zag zagen gezien weet weten wist wisten geweten vind vindt
    vinden vond vonden gevonden denk denkt denken dacht dachten gedacht zeg zegt zeggen zei
    zeiden gezegd sta staat staan stond lijkt lijken maak maakt maken maakte gemaakt hoeft
    hoeven hoefde blijf blijft blijven bleef zit zitten zat zaten nodig

    alleenmaar altijd beetje best daarnaast dan echt eerst eigenlijk erg even extra
    gewoon graag helemaal hoor ja jaja keer misschien natuurlijk nee niet nooit nou oké
    oke ok okay soms steeds toch toen vaak verder weer wel zeer zeker zowel eventueel
    bijvoorbeeld bv bijv enz etc enzovoort ongeveer vast vooral waarschijnlijk alvast liefst
    tegenwoordig momenteel
    meest meeste mogelijk mogelijkheid mogelijkheden manier dingen ding zaken zaak iets soort
    goed goede beter best fijn fijne leuk leuke prima top super mooi mooie handig belangrijk
    heel hele grote groot klein kleine nieuwe nieuw eigen zelfde

    nvt ntb geen idee weetniet weetikniet dank danku bedankt alvast groet groeten
    vriendelijke succes ermee hallo hoi beste mvg gr svp aub alstublieft alsjeblieft helpen
    help helpt geholpen zou zouden graag meer mijn
    """
    )
)

# The Snowball Dutch stemmer reads a final "-es" of "-les" (lesson) as a plural ending, so
# "zwemles" became "zweml" while "zwemlessen" became "zwemles", and "taalles" became "taal".
# It also folds "ouderen" (the elderly) into "ouder" (parent), two groups this research keeps
# apart. These overrides are checked before the stemmer.
_STEM_OVERRIDES = {
    "kinderen": "kind",
    "ouderen": "oudere",
    "oudere": "oudere",
    "apps": "app",
}

_stemmer = snowballstemmer.stemmer("dutch")


def normalise(text: str) -> str:
    """Lower case with accents stripped ("één" → "een", "café" → "cafe", "Oekraïens" →
    "oekraiens"), cut to ``MAX_ANALYSED_CHARS``. Letters with no accent-free form (Turkish
    "ı", Arabic script) stay as they are."""
    text = text[:MAX_ANALYSED_CHARS].lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of ``text`` as typed (lower case, accents kept), split on anything that is not
    a letter: "Zwemles voor m'n kinderen!" → ["zwemles", "voor", "m", "n", "kinderen"]."""
    return _TOKEN.findall(text[:MAX_ANALYSED_CHARS].lower())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one normalised word ("wasmachines" → "wasmachine")."""
    if word in _STEM_OVERRIDES:
        return _STEM_OVERRIDES[word]
    if word.endswith("lessen") and len(word) > 6:
        return word[:-3]
    if word.endswith("les") and len(word) > 3:
        return word
    return _stemmer.stemWord(word)


def content_words(
    text: str, extra_stopwords: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """The content words of ``text`` in order, as (stem, word as typed) pairs: stopwords and
    one-letter tokens left out. ``extra_stopwords`` are normalised words to leave out as well,
    for example the words of the question itself."""
    pairs = []
    for typed in words(text):
        plain = normalise(typed)
        if len(plain) < 2 or plain in STOPWORDS or plain in extra_stopwords:
            continue
        pairs.append((stem(plain), typed))
    return pairs


# Very common function words of the other languages residents may answer in (the survey is
# offered in Turkish, Arabic, English and Polish). Used only to tell that an answer is probably
# not Dutch, so it can be set aside for a researcher instead of forming a theme of its own.
_FOREIGN_FUNCTION_WORDS = (
    frozenset(
        _word_list(
            """
    the and for with to of is are my we i you it that this would help more need please
    bir ve bu için ile da de çok daha ben benim bana yok var gibi olarak
    w i z na nie się do jest że dla mnie mój moja bardzo jak co
    """
        )
    )
    - STOPWORDS
)


def looks_dutch(text: str) -> bool:
    """False for an answer that is probably in another language: mostly non-Latin letters, or
    at least two function words of English, Turkish or Polish and more of those than Dutch
    stopwords. Short Dutch answers with no stopwords ("zwemles") count as Dutch."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    if latin < len(letters) / 2:
        return False
    tokens = words(text)
    foreign = sum(1 for t in tokens if t in _FOREIGN_FUNCTION_WORDS)
    dutch = sum(1 for t in tokens if normalise(t) in STOPWORDS)
    return not (foreign >= 2 and foreign > dutch)


# Dutch writes compounds as one word: "zwemles", "zwemdiploma" and "zwembad" share nothing
# as whole words, though all three are about swimming. A compound is split when both parts
# are words the same answers use on their own (so the split follows the corpus, not a
# dictionary), allowing the linking "s" or "e(n)" of Dutch compounds ("reiskosten",
# "kinderopvang" is not split because "kinder" is no word of its own).
_LINKS = ("", "s", "en", "e")
MIN_COMPOUND = 7
MIN_PART = 3


def split_compound(plain: str, known: frozenset[str] | set[str]) -> tuple[str, str] | None:
    """The (head stem, tail stem) of compound ``plain`` when both are in ``known`` (stems of
    words seen on their own), trying the longest head first; None when it is no compound."""
    if len(plain) < MIN_COMPOUND:
        return None
    for cut in range(len(plain) - MIN_PART, MIN_PART - 1, -1):
        head, tail = plain[:cut], plain[cut:]
        tail_stem = stem(tail)
        if tail_stem not in known or tail in STOPWORDS:
            continue
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if len(base) < MIN_PART or base in STOPWORDS:
                continue
            for candidate in (base, stem(base)):
                if candidate in known:
                    return candidate, tail_stem
    return None
