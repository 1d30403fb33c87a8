"""The maths behind the open-answer themes: non-negative matrix factorisation (NNDSVD start,
multiplicative updates) of the TF-IDF matrix, and choosing the number of themes by how
stable the top terms are across subsamples (Greene et al. 2014). numpy and scipy only."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment

TOP_TERMS = 10
# Choosing the number of themes: refit on a few random subsamples of this share.
STABILITY_RUNS = 4
STABILITY_SHARE = 0.8


# --- NMF -------------------------------------------------------------------------------


def _truncated_svd(x: sp.csr_matrix, k: int, rng: np.random.Generator):
    """The k leading singular triplets. Small matrices exactly; large ones by randomised SVD
    (Halko, Martinsson & Tropp 2011) with a seeded generator, so the result is repeatable."""
    n, m = x.shape
    if min(n, m) <= k + 10:
        u, s, vt = np.linalg.svd(x.toarray(), full_matrices=False)
        return u[:, :k], s[:k], vt[:k]
    sample = k + 10
    y = x @ rng.standard_normal((m, sample))
    for _round in range(4):  # power iterations sharpen the spectrum of a flat TF-IDF matrix
        q, _r = np.linalg.qr(y)
        q, _r = np.linalg.qr(x.T @ q)
        y = x @ q
    q, _r = np.linalg.qr(y)
    u, s, vt = np.linalg.svd(np.asarray((x.T @ q).T), full_matrices=False)
    return (q @ u)[:, :k], s[:k], vt[:k]


def _nndsvd(x: sp.csr_matrix, k: int, rng: np.random.Generator):
    """NNDSVD start (Boutsidis & Gallopoulos 2008): each singular pair split into its
    positive and negative parts, keeping the larger. Deterministic and close to a good
    solution, so few iterations are needed and the seed matters little."""
    u, s, vt = _truncated_svd(x, k, rng)
    w = np.zeros((x.shape[0], k))
    h = np.zeros((k, x.shape[1]))
    for j in range(len(s)):
        a, b = u[:, j], vt[j]
        ap, an, bp, bn = np.maximum(a, 0), np.maximum(-a, 0), np.maximum(b, 0), np.maximum(-b, 0)
        pos = np.linalg.norm(ap) * np.linalg.norm(bp)
        neg = np.linalg.norm(an) * np.linalg.norm(bn)
        a, b, sigma = (ap, bp, pos) if pos >= neg else (an, bn, neg)
        if sigma <= 0:
            continue
        scale = math.sqrt(s[j] * sigma)
        w[:, j] = scale * a / np.linalg.norm(a)
        h[j] = scale * b / np.linalg.norm(b)
    return w, h


def fit_nmf(
    x: sp.csr_matrix,
    k: int,
    seed: int = 0,
    max_iter: int = 200,
    tol: float = 1e-4,
):
    """Non-negative W (answers × k) and H (k × terms) with X ≈ W·H, by hierarchical
    alternating least squares: each column of W and row of H in turn gets its exact
    least-squares update clipped at zero (Cichocki & Phan 2009). It handles the zeros of an
    NNDSVD start, which multiplicative updates cannot move away from.

    H's rows are scaled to length 1 at the end (W's columns the other way), so W[i, j] is
    comparable across themes: the dominant theme of an answer is its largest W[i, j]."""
    rng = np.random.default_rng(seed)
    w, h = _nndsvd(x, k, rng)
    xt = sp.csr_matrix(x.T)
    norm_x = float(x.multiply(x).sum())
    previous = math.inf
    tiny = 1e-12
    for _iteration in range(max_iter):
        wtw = w.T @ w
        wtx = np.asarray((xt @ w).T)
        for j in range(k):
            if wtw[j, j] > tiny:
                h[j] = np.maximum(h[j] + (wtx[j] - wtw[j] @ h) / wtw[j, j], 0.0)
        hht = h @ h.T
        xht = np.asarray(x @ h.T)
        for j in range(k):
            if hht[j, j] > tiny:
                w[:, j] = np.maximum(w[:, j] + (xht[:, j] - w @ hht[:, j]) / hht[j, j], 0.0)
        # ||X − WH||² without forming WH: ||X||² − 2·tr(Wᵀ X Hᵀ) + tr(WᵀW · HHᵀ)
        error = norm_x - 2 * float((w * xht).sum()) + float(((w.T @ w) * hht).sum())
        if previous - error < tol * max(norm_x, tiny):
            break
        previous = error
    lengths = np.linalg.norm(h, axis=1)
    lengths[lengths == 0] = 1.0
    return w * lengths, h / lengths[:, None]


# --- choosing k ------------------------------------------------------------------------


def _top_terms(h: np.ndarray, count: int = TOP_TERMS) -> list[list[int]]:
    return [list(np.argsort(-row, kind="stable")[:count]) for row in h]


def _average_jaccard(a: list[int], b: list[int]) -> float:
    """Agreement of two ranked term lists: the mean Jaccard overlap of their top 1, top 2, …
    top t (Greene et al. 2014), so agreement on the first terms counts most."""
    total = 0.0
    for depth in range(1, len(a) + 1):
        sa, sb = set(a[:depth]), set(b[:depth])
        total += len(sa & sb) / len(sa | sb)
    return total / len(a)


def _agreement(reference: list[list[int]], other: list[list[int]]) -> float:
    """Mean average-Jaccard of the best one-to-one matching of two sets of themes."""
    similarity = np.array([[_average_jaccard(a, b) for b in other] for a in reference])
    rows, cols = linear_sum_assignment(-similarity)
    return float(similarity[rows, cols].mean())


def stability_by_k(x: sp.csr_matrix, ks: Sequence[int], seed: int) -> list[tuple[int, float]]:
    """Per k, how well the themes of a fit on all rows come back in fits on random subsamples
    (1 = the same top terms every time). Too few themes merge different groups in different
    ways from sample to sample; too many split a group at random; the right number repeats."""
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    samples = [
        np.sort(rng.choice(n, size=int(STABILITY_SHARE * n), replace=False))
        for _run in range(STABILITY_RUNS)
    ]
    scores = []
    for k in ks:
        reference = _top_terms(fit_nmf(x, k, seed, max_iter=100)[1])
        agreements = [
            _agreement(
                reference,
                _top_terms(fit_nmf(x[rows], k, seed + run, max_iter=100)[1]),
            )
            for run, rows in enumerate(samples)
        ]
        scores.append((k, float(np.mean(agreements))))
    return scores


# Stability measured on four subsamples moves by several hundredths from seed to seed (on
# the synthetic test data its spread over k was mostly noise between 0.6 and 0.9), so every k
# this close to the best counts as equally stable.
STABILITY_TOLERANCE = 0.1


def choose_k(scores: list[tuple[int, float]]) -> int:
    """The largest k whose stability is within STABILITY_TOLERANCE of the best: a theme too
    many is merged with one click, while a mixed theme hides a need in another one."""
    best = max(score for _k, score in scores)
    return max(k for k, score in scores if score >= best - STABILITY_TOLERANCE)
