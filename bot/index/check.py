"""`python -m bot index check`: read every file of an index and say what is wrong with it, one line per problem.

Loading checks what it can afford (the manifest's schema, shapes and bounds, digests of large files before
their first use); this reads everything, as a maintenance command: each file's sha256 against its name, every
record against its offsets and layout, every vector (finite, of unit length), the postings against the terms
of the records themselves, the manifest's counts and removed lists against the segments, and files nobody
names. It never raises on damage: it reports it. At 10,000 articles it takes ~15 s on two cores, mostly
tokenizing every record again.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from ..errors import BotError, IndexMissingError
from .segments import ARTICLE, FLAGS, HEADING, LENGTH, QUESTION_LIST, SENTENCES, SOFT, Digest, Part, Segment, tokenize
from .store import MANIFEST, SEGMENT_SUFFIXES, read_manifest, read_records

UNIT_TOLERANCE = 0.01  # |length - 1| allowed: float16 sentence vectors are off by ~1e-4
BLOCK = 4096  # rows read, parsed and tokenized at a time (memory stays flat at any size)


def check_index(index_dir) -> list[str]:
    """One line per problem found in the index at `index_dir`, [] when it is sound."""
    index_dir = Path(index_dir)
    try:
        manifest = read_manifest(index_dir)  # its schema: a manifest that fails it cannot be read further
    except IndexMissingError:
        raise  # no index to check: an error, as `index list` says it, not a problem found in one
    except BotError as e:
        return [str(e)]
    problems: list[str] = []
    parts: list[Part | None] = []
    records: list[list[dict]] = []
    for i, d in enumerate(manifest["segments"]):
        held, problem = read_records(index_dir, d)
        records.append(held)
        if problem:  # its other files cannot be placed without its articles
            problems.append(problem)
            parts.append(None)
            continue
        segment = Segment.from_json(d, [(r["id"], r["sha256"]) for r in records[-1]])
        problems += _digest_problems(index_dir, segment)
        part, found = _open(index_dir, segment)
        problems += [f"segments[{i}]: {p}" for p in found]
        if part is not None:
            problems += _contained(lambda part=part: _part_problems(part), f"segments[{i}]")
        parts.append(part)
    problems += _contained(lambda: _manifest_problems(manifest, parts, records), MANIFEST)
    named = {name for d in manifest["segments"] for name in d["files"].values()} | {MANIFEST}
    problems += [f"{p.name}: a segment file the manifest does not name (left by an interrupted save?)"
                 for p in sorted(index_dir.iterdir()) if p.is_file() and p.suffix in SEGMENT_SUFFIXES and p.name not in named]
    return problems


def _contained(check, where: str) -> list[str]:
    """The problems `check` finds; damage it did not foresee is one more line, not an exception."""
    try:
        return list(check())
    except Exception as e:  # noqa: BLE001 - a checker reports whatever the damage raises
        return [f"{where}: cannot be checked further ({type(e).__name__}: {e})"]


def _digest_problems(index_dir: Path, segment: Segment) -> list[str]:
    out = []
    for name in segment.files.values():
        try:
            problem = Digest(index_dir / name).problem()
        except OSError as e:
            problem = f"{name} cannot be opened ({e.strerror or type(e).__name__})"
        if problem:
            out.append(problem)
    return out


def _open(index_dir: Path, segment: Segment) -> tuple[Part | None, list[str]]:
    """The segment's part with its digests taken as found (they are reported apart), or what stops opening it."""
    try:
        return Part.open(index_dir, segment, trusted=True), []
    except FileNotFoundError:
        return None, []  # reported with the digests
    except Exception as e:  # noqa: BLE001
        reason = "a file is not a valid .npy array" if "allow_pickle" in str(e) else f"{type(e).__name__}: {e}"
        return None, [f"cannot be opened ({reason})"]


# ---- one segment, read whole ------------------------------------------------------------------------


def _part_problems(part: Part):
    files = part.segment.files
    reading = _Reading(part)
    yield from reading.problems(files["chunks"])
    yield from _vector_problems(files["chunk_vectors"], part.chunk_vectors)
    yield from _vector_problems(files["sentence_vectors"], part.sentence_vectors)
    yield from _term_problems(part, reading, files["postings"], files["terms"], files["layout"])
    flags = np.asarray(part.sentence_flags)
    if len(flags) and int(np.bitwise_and(flags, ~np.uint8(SOFT)).max()):
        yield f"{files['sentence_flags']}: flags other than SOFT are set"


class _Reading:
    """One pass over a part's records, a block at a time (memory stays flat): whether each parses, fits its
    offsets and agrees with its layout row, and what the other files are compared with - its terms, tokenized
    as when the segment was written, and whether it is a question list."""

    def __init__(self, part: Part):
        n = len(part)
        self.bad: Counter = Counter()
        self.first: dict[str, int] = {}
        self.lengths, self.question_lists = np.zeros(n, np.int64), np.zeros(n, np.int64)
        self.parsed = np.ones(n, bool)  # the other files are compared over these rows only
        self.unknown: set[str] = set()
        keys, counts = [], []
        chunk_ids, sentence_ids = set(), set()
        for lo in range(0, n, BLOCK):
            rows, texts = range(lo, min(n, lo + BLOCK)), []
            for row in rows:
                record = self._record(part, row, chunk_ids, sentence_ids)
                texts.append(record[0].embed_text if record else "")
            for row, terms in zip(rows, tokenize(texts)):
                self.lengths[row] = len(terms)
                for term, count in Counter(terms).items():
                    t = part.term_of.get(term)
                    if t is None:
                        self.unknown.add(term)
                    else:
                        keys.append(t * n + row)
                        counts.append(count)
        order = np.argsort(np.asarray(keys, np.int64), kind="stable")
        self.keys, self.counts = np.asarray(keys, np.int64)[order], np.asarray(counts, np.int64)[order]

    def _record(self, part: Part, row: int, chunk_ids: set, sentence_ids: set):
        try:
            chunk, sentences = record = part.record(row)
        except BotError:
            self._note("do not parse or fit their offsets", row)
            self.parsed[row] = False
            return None
        layout = part.layout[row]
        if len(sentences) != int(layout[SENTENCES]):
            self._note("hold another number of sentences than their layout row", row)
        if chunk.article_id != part.articles[int(layout[ARTICLE])][0]:
            self._note("belong to another article than their layout row", row)
        if chunk.heading != part.headings[int(layout[HEADING])]:
            self._note("have another heading than their layout row", row)
        if chunk.id in chunk_ids or any(s.id in sentence_ids for s in sentences):
            self._note("repeat a chunk or sentence id", row)
        chunk_ids.add(chunk.id)
        sentence_ids.update(s.id for s in sentences)
        asks = sum(s.text.rstrip().endswith("?") for s in sentences)  # as Part.in_memory flags a question list
        self.question_lists[row] = QUESTION_LIST if len(sentences) >= 3 and asks * 2 >= len(sentences) else 0
        return record

    def _note(self, what: str, row: int) -> None:
        self.bad[what] += 1
        self.first.setdefault(what, row)

    def problems(self, name: str):
        for what, count in self.bad.items():
            yield f"{name}: {count} of {len(self.lengths)} records {what} (first: row {self.first[what]})"


def _vector_problems(name: str, vectors):
    """Every row finite and of unit length (the embedder normalizes; cosine is an inner product)."""
    not_finite = not_unit = 0
    first_nan = first_off = None
    for lo in range(0, len(vectors), 16 * BLOCK):
        block = np.asarray(vectors[lo : lo + 16 * BLOCK], dtype=np.float32)
        finite = np.isfinite(block).all(axis=1)
        lengths = np.linalg.norm(np.where(finite[:, None], block, 0), axis=1)
        off = finite & (np.abs(lengths - 1) > UNIT_TOLERANCE)
        if not finite.all():
            not_finite += int((~finite).sum())
            first_nan = first_nan if first_nan is not None else lo + int(np.flatnonzero(~finite)[0])
        if off.any():
            not_unit += int(off.sum())
            if first_off is None:
                r = int(np.flatnonzero(off)[0])
                first_off = (lo + r, float(lengths[r]))
    if not_finite:
        yield f"{name}: {not_finite} of {len(vectors)} rows hold values that are not finite numbers (first: row {first_nan})"
    if not_unit:
        yield (f"{name}: {not_unit} of {len(vectors)} rows are not of unit length "
               f"(first: row {first_off[0]}, length {first_off[1]:.3f})")


def _term_problems(part: Part, reading: _Reading, postings_name: str, terms_name: str, layout_name: str):
    """The postings, term starts and vocabulary say what the records' own terms say: the same (term, row,
    count) triples, and each row's token count in the layout; rows increasing within a term, counts positive."""
    n, vocabulary, parsed = len(part), part.vocabulary, reading.parsed
    lengths_differ = parsed & (reading.lengths != part.layout[:, LENGTH])
    if lengths_differ.any():
        yield f"{layout_name}: token counts differ from the records' (first: row {_first(lengths_differ)})"
    flags_differ = parsed & (reading.question_lists != part.layout[:, FLAGS] & QUESTION_LIST)
    if flags_differ.any():
        yield f"{layout_name}: question-list flags differ from the records' (first: row {_first(flags_differ)})"
    if len(set(vocabulary)) != len(vocabulary):
        yield f"{terms_name}: the vocabulary lists a term twice"
        return
    if reading.unknown:
        yield f"{terms_name}: the records hold {len(reading.unknown)} terms the vocabulary lacks (first: {min(reading.unknown)!r})"
    postings = np.asarray(part.postings)
    saved = np.repeat(np.arange(len(vocabulary), dtype=np.int64), np.diff(part.term_starts)) * n + postings[:, 0]
    if (np.diff(saved) <= 0).any():
        yield f"{postings_name}: a term's rows are not in increasing order"
        return
    if len(postings) and int(postings[:, 1].min()) < 1:
        yield f"{postings_name}: a posting counts a term fewer than once"
    of_parsed = parsed[postings[:, 0]]
    saved, postings = saved[of_parsed], postings[of_parsed]
    if not (np.array_equal(saved, reading.keys) and np.array_equal(postings[:, 1], reading.counts)):
        _, in_saved, in_read = np.intersect1d(saved, reading.keys, assume_unique=True, return_indices=True)
        miscounted = saved[in_saved][postings[in_saved, 1] != reading.counts[in_read]]
        wrong = np.union1d(np.setxor1d(saved, reading.keys, assume_unique=True), miscounted)
        term, row = divmod(int(wrong[0]), n)
        yield (f"{postings_name}: {len(wrong)} postings differ from the terms of the records "
               f"(first: {vocabulary[term]!r} in row {row})")


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


# ---- the manifest against the segments --------------------------------------------------------------


def _manifest_problems(manifest: dict, parts: list[Part | None], records: list[list[dict]]):
    """Each segment's article records agree with its rows, each article is live in exactly one segment, and the
    totals in `counts` are the segments'."""
    live: Counter = Counter()
    chunks = sentences = 0
    for d, part, held in zip(manifest["segments"], parts, records):
        if part is None:
            continue  # reported when it was opened
        removed = set(d.get("removed", ()))
        for number, record in enumerate(held):
            rows = np.flatnonzero(part.layout[:, ARTICLE] == number)
            n_sentences = int(part.layout[rows, SENTENCES].sum())
            if (record["chunks"], record["sentences"]) != (len(rows), n_sentences):
                yield (f"{d['files']['articles']}: article {record['id']!r} counts {record['chunks']} chunks and "
                       f"{record['sentences']} sentences, its segment holds {len(rows)} and {n_sentences}")
            if record["id"] not in removed:
                live[record["id"]] += 1
                chunks, sentences = chunks + len(rows), sentences + n_sentences
    if None in parts:
        return  # where the articles of a segment that cannot be opened are live is not known
    for article in sorted(a for a, n in live.items() if n != 1):
        yield f"{MANIFEST}: article {article!r} is live in {live[article]} segments"
    expected = {"articles": len(live), "chunks": chunks, "sentences": sentences}
    if manifest["counts"] != expected:
        yield f"{MANIFEST}: counts are {manifest['counts']}, the segments hold {expected}"
