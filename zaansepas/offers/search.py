"""Catalogue search with Dutch stemming (Snowball), the same on SQLite and PostgreSQL.

Every offer keeps its stemmed words in `search_text`; a query is stemmed the same way and
every query word must match the start of a stored word, so "zwem" finds "zwemles".
"""

import re
import unicodedata

import snowballstemmer

_stemmer = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[0-9a-z]+")


def _fold(text: str) -> str:
    # "café" and "cafe" are the same word to someone typing on a phone.
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stems(text: str) -> list[str]:
    return [_stemmer.stemWord(word) for word in _WORD.findall(_fold(text))]


def index_text(*parts: str) -> str:
    """Space-separated stems with a leading space, so ' stem' matches a word start."""
    words = []
    for part in parts:
        words.extend(stems(part or ""))
    return " " + " ".join(dict.fromkeys(words))


def matching(queryset, query: str):
    for stem in stems(query)[:8]:  # more words than that is not a search, it's a letter
        queryset = queryset.filter(search_text__contains=" " + stem)
    return queryset
