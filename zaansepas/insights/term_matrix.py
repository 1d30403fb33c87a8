"""TF-IDF of open answers: which words (Dutch stems, compound parts, optionally two-word
phrases) each answer uses, weighted and scaled for NMF (open_answers.py, nmf.py). See the
module docstring of open_answers.py for the choices."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from zaansepas.insights.dutch_text import content_words, normalise, split_compound


@dataclass(frozen=True)
class Settings:
    """How the words were counted; kept with the result so a split counts the same way."""

    min_df: int = 2
    max_df: float = 0.5
    bigrams: bool = False
    extra_stopwords: tuple[str, ...] = ()
    seed: int = 0


@dataclass(frozen=True)
class TermMatrix:
    """Answers × terms, TF-IDF weighted with unit rows. `rows[i]` is the answer index of row
    i; `display[j]` how term j is shown."""

    matrix: sp.csr_matrix
    rows: np.ndarray
    terms: list[str]
    display: list[str]


def build_term_matrix(texts: Sequence[str], rows: Sequence[int], settings: Settings) -> TermMatrix:
    """TF-IDF of the answers `texts[i]` for i in `rows`; see the module docstring."""
    extra = frozenset(normalise(w) for w in settings.extra_stopwords)
    answers = [content_words(texts[i], extra) for i in rows]
    typed: dict[str, Counter] = defaultdict(Counter)
    stem_df: Counter = Counter()
    for pairs in answers:
        for s, w in pairs:
            typed[s][w] += 1
        stem_df.update({s for s, _w in pairs})
    # Compounds are split into parts that at least two answers use as words of their own.
    known = {s for s, d in stem_df.items() if d >= 2 and len(s) >= 3}
    parts: dict[str, tuple[str, str] | None] = {}

    counts: list[Counter] = []
    for pairs in answers:
        terms = [s for s, _w in pairs]
        for s, w in pairs:
            if w not in parts:
                parts[w] = split_compound(normalise(w), known)
            if parts[w]:
                terms.extend(p for p in parts[w] if p != s)
        if settings.bigrams:
            for (s1, w1), (s2, w2) in zip(pairs, pairs[1:], strict=False):
                if s1 != s2:
                    terms.append(f"{s1} {s2}")
                    typed[f"{s1} {s2}"][f"{w1} {w2}"] += 1
        counts.append(Counter(terms))

    n = len(counts)
    df = Counter(term for c in counts for term in c)
    # Terms only in one answer cannot tie answers together; terms in more than max_df of the
    # answers (at least three) say nothing about what sets a group apart.
    ceiling = max(settings.max_df * n, 3)
    vocabulary = sorted(t for t, d in df.items() if settings.min_df <= d <= ceiling)
    index = {t: j for j, t in enumerate(vocabulary)}
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in vocabulary])

    indptr, indices, data = [0], [], []
    for c in counts:
        kept = sorted((index[t], tf) for t, tf in c.items() if t in index)
        indices.extend(j for j, _tf in kept)
        data.extend(1.0 + math.log(tf) for _j, tf in kept)
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (np.array(data, dtype=float), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(n, len(vocabulary)),
    )
    matrix = matrix @ sp.diags(idf) if vocabulary else matrix
    matrix = sp.csr_matrix(matrix)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)
    display = [typed[t].most_common(1)[0][0] for t in vocabulary]
    return TermMatrix(matrix, np.asarray(rows, dtype=np.int64), vocabulary, display)
