"""`Rows`: several (n_i, d) arrays read as one (sum n_i, d) array, without copying them.

An index's vectors are its segments' .npy files, memory-mapped: only the rows a question touches are
read into memory, and adding an article appends one small array instead of copying every vector.
Supports what the index needs (len, slices, integer or boolean row selection, `@ vector`, `np.asarray`);
it is not a general ndarray.
"""

from __future__ import annotations

import numpy as np


class Rows:
    def __init__(self, parts, dimension: int, dtype):
        self.parts = tuple(p for p in parts if len(p))
        self.dimension = dimension
        self.dtype = np.dtype(dtype)
        self._ends = np.cumsum([len(p) for p in self.parts], dtype=np.int64)
        self._firsts = (self._ends - [len(p) for p in self.parts]).tolist()  # each part's first row

    @classmethod
    def of(cls, array: np.ndarray) -> "Rows":
        return array if isinstance(array, Rows) else cls([array], array.shape[1], array.dtype)

    def __len__(self) -> int:
        return int(self._ends[-1]) if len(self._ends) else 0

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self), self.dimension)

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step != 1:
                return np.asarray(self)[key]
            return self.rows(start, stop)
        if isinstance(key, (int, np.integer)):
            i = int(key) + (len(self) if key < 0 else 0)
            p = int(np.searchsorted(self._ends, i, side="right"))
            return np.asarray(self.parts[p][i - self._firsts[p]])
        idx = np.asarray(key)
        if idx.dtype == bool:
            idx = np.flatnonzero(idx)
        out = np.empty((len(idx), self.dimension), dtype=self.dtype)
        which = np.searchsorted(self._ends, idx, side="right")
        for p, start in enumerate(self._firsts):
            mask = which == p
            if mask.any():
                out[mask] = np.asarray(self.parts[p])[idx[mask] - start]
        return out

    def rows(self, start: int, stop: int) -> np.ndarray:
        """Rows start..stop as an array: a view when they lie in one part (the usual case: one chunk's sentences)."""
        pieces = []
        for p, first in enumerate(self._firsts):
            lo, hi = max(start, first), min(stop, int(self._ends[p]))
            if lo < hi:
                # A plain ndarray view: a np.memmap slice would carry numpy's slow memmap indexing into every caller.
                pieces.append(np.asarray(self.parts[p][lo - first : hi - first]))
        if not pieces:
            return np.zeros((0, self.dimension), dtype=self.dtype)
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces)

    def appended(self, array: np.ndarray) -> "Rows":
        return Rows(self.parts + (np.asarray(array, dtype=self.dtype),), self.dimension, self.dtype)

    def without(self, start: int, stop: int) -> "Rows":
        """These rows except start..stop, as views of the same parts (nothing copied)."""
        parts = []
        for p, first in enumerate(self._firsts):
            part, end = self.parts[p], int(self._ends[p])
            if stop <= first or start >= end:
                parts.append(part)
                continue
            if start > first:
                parts.append(part[: start - first])
            if stop < end:
                parts.append(part[stop - first :])
        return Rows(parts, self.dimension, self.dtype)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        if not self.parts:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([np.asarray(p) @ vector for p in self.parts])

    def astype(self, dtype) -> np.ndarray:
        return np.asarray(self).astype(dtype)

    def __array__(self, dtype=None, copy=None):
        array = np.concatenate(self.parts) if self.parts else np.zeros((0, self.dimension), dtype=self.dtype)
        return array if dtype is None else array.astype(dtype)
