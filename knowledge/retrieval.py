"""Pure retrieval maths: tokens, an in-process BM25 index, and the lexical + semantic fusion.

No ORM here: selectors load a site's passages into a `SiteIndex` and call these functions, so the
ranking rules are tested and benchmarked without a database.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

# Function words and chat filler: no topic in them, so for BM25 they are only noise (the encoder
# still reads the whole message). Written as text, hence the noqa.
STOPWORDS = frozenset(
    """a about above after again all am an and any are as at be been before being below between
    both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves im ive dont cant wont pls
    please hi hello hey thanks thank get got also still yet even really just ok okay""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _stem(word: str) -> str:
    """A light English suffix stripper: enough to match 'refunds'/'refunded'/'refunding'."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + replacement
            # "shipped" -> "shipp" -> "ship"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]
            return stem
    return word


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free, stopword-free, lightly stemmed words."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [_stem(w) for w in _WORD.findall(folded) if w not in STOPWORDS]


class Bm25Index:
    """Okapi BM25 over token lists; the per-(doc, term) weights are precomputed in a sparse matrix.

    A query is then one column slice and a row sum, well under a millisecond for a few thousand
    passages, which is what lets the SQLite default stay in process.
    """

    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75):
        self.vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[float] = []
        lengths = np.zeros(len(documents), dtype=np.float64)
        for row, document in enumerate(documents):
            lengths[row] = len(document)
            for term, count in Counter(document).items():
                col = self.vocabulary.setdefault(term, len(self.vocabulary))
                rows.append(row)
                cols.append(col)
                counts.append(count)
        n_docs = len(documents)
        self.size = n_docs
        if not counts:
            self._weights = sparse.csc_matrix((n_docs, 0), dtype=np.float32)
            return
        tf = np.asarray(counts, dtype=np.float64)
        row_index = np.asarray(rows)
        col_index = np.asarray(cols)
        document_frequency = np.bincount(col_index, minlength=len(self.vocabulary))
        idf = np.log1p((n_docs - document_frequency + 0.5) / (document_frequency + 0.5))
        average = max(lengths.mean(), 1.0)
        norm = k1 * (1 - b + b * lengths[row_index] / average)
        weights = idf[col_index] * tf * (k1 + 1) / (tf + norm)
        self._weights = sparse.csc_matrix(
            (weights.astype(np.float32), (row_index, col_index)),
            shape=(n_docs, len(self.vocabulary)),
        )

    def scores(self, query: Sequence[str]) -> np.ndarray:
        columns = sorted({self.vocabulary[t] for t in query if t in self.vocabulary})
        if not columns:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._weights[:, columns].sum(axis=1), dtype=np.float32).ravel()


@dataclass(frozen=True)
class FusionConfig:
    """How the two signals combine; tuned on the TUNING split of benchmarks/data/kb."""

    # Ranking: weight of the cosine against the per-query max-normalised lexical score.
    semantic_weight: float = 0.8
    # Confidence: the cosine of the chosen passage, plus this when the lexical ranking's own top
    # article is the same one (two independent signals agreeing).
    agreement_bonus: float = 0.1
    threshold: float = 0.42


@dataclass(frozen=True)
class Ranked:
    """One article's best passage for a query, by position in the site index."""

    row: int
    score: float  # confidence on the same scale as FusionConfig.threshold
    semantic: float
    lexical: float


def rank(
    *,
    semantic: np.ndarray,
    lexical: np.ndarray,
    article_ids: np.ndarray,
    config: FusionConfig,
    limit: int,
    mode: str = "hybrid",
) -> list[Ranked]:
    """Best passage per article, best articles first.

    `mode` is "hybrid", "semantic" or "lexical"; the last two exist so the benchmark can show
    what each signal does alone. Lexical-only confidence is the raw lexical score (BM25 or
    ts_rank), so its threshold lives on that scale.
    """
    if semantic.size == 0:
        return []
    top_lexical = float(lexical.max()) if lexical.size else 0.0
    lexical_norm = lexical / top_lexical if top_lexical > 0 else np.zeros_like(lexical)
    if mode == "semantic":
        order_score = semantic
    elif mode == "lexical":
        order_score = lexical_norm + 1e-3 * semantic  # ties (all zero) broken by meaning
    else:
        w = config.semantic_weight
        order_score = w * semantic + (1 - w) * lexical_norm
    lexical_top_article = int(article_ids[int(np.argmax(lexical))]) if top_lexical > 0 else None
    # Enough candidates that `limit` distinct articles survive the per-article de-duplication.
    candidates = min(order_score.size, max(limit * 8, 32))
    best_rows = np.argpartition(-order_score, candidates - 1)[:candidates]
    best_rows = best_rows[np.argsort(-order_score[best_rows], kind="stable")]
    seen: set[int] = set()
    ranked: list[Ranked] = []
    for row in best_rows:
        article = int(article_ids[row])
        if article in seen:
            continue
        seen.add(article)
        cosine = float(semantic[row])
        if mode == "lexical":
            confidence = float(lexical[row])
        elif mode == "semantic":
            confidence = cosine
        else:
            agrees = lexical_top_article == article
            confidence = cosine + (config.agreement_bonus if agrees else 0.0)
        ranked.append(
            Ranked(row=int(row), score=confidence, semantic=cosine, lexical=float(lexical[row]))
        )
        if len(ranked) == limit:
            break
    return ranked
