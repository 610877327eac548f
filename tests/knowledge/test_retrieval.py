from __future__ import annotations

import numpy as np

from knowledge.retrieval import Bm25Index, FusionConfig, rank, tokens


def test_tokens_fold_case_accents_stopwords_and_suffixes() -> None:
    assert tokens("How do I get my REFUNDS? Café shipped, refunded") == [
        "refund",
        "cafe",
        "ship",
        "refund",
    ]


def test_bm25_ranks_the_document_with_the_rarer_shared_term_first() -> None:
    index = Bm25Index([tokens("reset password"), tokens("shipping times"), tokens("password")])
    scores = index.scores(tokens("reset my password"))
    assert list(np.argsort(-scores)) == [0, 2, 1]
    assert scores[1] == 0.0


def test_bm25_query_without_known_terms_scores_zero() -> None:
    index = Bm25Index([tokens("reset password")])
    assert index.scores(tokens("weather")).tolist() == [0.0]


def test_rank_keeps_one_passage_per_article_and_adds_the_agreement_bonus() -> None:
    semantic = np.array([0.6, 0.5, 0.4], dtype=np.float32)
    lexical = np.array([0.0, 2.0, 1.0], dtype=np.float32)
    ranked = rank(
        semantic=semantic,
        lexical=lexical,
        article_ids=np.array([1, 1, 2]),
        config=FusionConfig(semantic_weight=0.5, agreement_bonus=0.1, threshold=0.5),
        limit=3,
    )
    # Row 1 (0.5*0.5 + 0.5*1.0) beats row 0 (0.3); row 0 is dropped as the same article.
    assert [(r.row, round(r.score, 4)) for r in ranked] == [(1, 0.6), (2, 0.4)]


def test_rank_modes_use_one_signal_alone() -> None:
    semantic = np.array([0.9, 0.1], dtype=np.float32)
    lexical = np.array([0.0, 3.0], dtype=np.float32)
    ids = np.array([1, 2])
    config = FusionConfig()
    by_meaning = rank(
        semantic=semantic, lexical=lexical, article_ids=ids, config=config, limit=1, mode="semantic"
    )
    by_words = rank(
        semantic=semantic, lexical=lexical, article_ids=ids, config=config, limit=1, mode="lexical"
    )
    assert (by_meaning[0].row, by_words[0].row, by_words[0].score) == (0, 1, 3.0)
