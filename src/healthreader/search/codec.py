"""The index's posting format: Whoosh's W3 codec with posting blocks stored as raw arrays.

W3 pickles each block's ids, weights and values together and compresses them with zlib; at 50,000
entries unpickling, inflating and delta-decoding those blocks was three quarters of a search.  Here a
block is a fixed header (``_INFO``) and little-endian arrays: the ids as gaps from the block's first id
in the narrowest of 1, 2 or 4 bytes, the weights as 1- or 2-byte integers when they are whole numbers
(term frequencies times a whole field boost, as they are in this index) or 4-byte floats, and the
values only when they carry something the weights do not.  Reading a block is ``array.frombytes``
and ``itertools.accumulate``: C all the way, no pickle.  Term info, stored fields, lengths and the
term table stay W3's.

What reads back is exactly what W3 reads back for the same documents (tests/unit/search/test_codec.py).

Whoosh pickles each segment with its codec into the index's TOC: ``ArrayCodec`` must stay importable
at ``healthreader.search.codec``, and a change of the block layout needs a new ``MAGIC`` and a new
``schema.SCHEMA_VERSION``.
"""

from __future__ import annotations

import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from whoosh import formats
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher, W3PerDocReader, W3PostingsWriter, _lenfield
from whoosh.matching import ListMatcher, ReadTooFar
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte

MAGIC = b"HRa1"
#: Postings per block.  Bigger blocks mean fewer headers to read when a whole list is decoded (what
#: most queries do); skipping inside a block is a bisect, so a big block costs a skip little.
BLOCK_POSTINGS = 128

# count, first id, last id, max weight, min length byte, max length byte, id code, weight code, value code
_INFO = struct.Struct("<IIIfBBccc")
_BIG_ENDIAN = sys.byteorder == "big"
_NONE = b"-"  # weights: all 1.0; values: none
_DERIVED = b"d"  # values: Frequency's, recomputed from the weights
_VARIABLE = b"v"  # values: lengths (uint32) then the bytes
_SIZE = {b"B": 1, b"H": 2, b"I": 4, b"f": 4}


def _narrowest(values: Any, float_ok: bool = False) -> bytes:
    """The array type code of the narrowest unsigned type that holds every value."""
    top = max(values, default=0)
    for code, limit in ((b"B", 0xFF), (b"H", 0xFFFF), (b"I", 0xFFFFFFFF)):
        if top <= limit:
            return code
    if float_ok:
        return b"f"
    raise ValueError(f"posting value {top} does not fit in 32 bits")


def _to_bytes(code: bytes, values: Any) -> bytes:
    a = array(code.decode(), values)
    if _BIG_ENDIAN:
        a.byteswap()
    return a.tobytes()


def _from_bytes(code: bytes, data: bytes | memoryview) -> array[Any]:
    a = array(code.decode())
    a.frombytes(data)
    if _BIG_ENDIAN:
        a.byteswap()
    return a


def _frequency_values(fmt: formats.Format, weights: Any) -> list[bytes]:
    """What ``formats.Frequency`` stores as each posting's value (its frequency), from the weights it
    gives the same posting (frequency times the field boost)."""
    boost = fmt.field_boost or 1.0
    return [pack_uint(round(w / boost)) for w in weights]


class ArrayCodec(W3Codec):  # type: ignore[misc]
    """W3 with ``ArrayPostingsWriter`` / ``ArrayLeafMatcher`` for the term postings (term vectors, not
    used by this index, stay W3's)."""

    def __init__(self, blocklimit: int = BLOCK_POSTINGS, compression: int = 0, inlinelimit: int = 1) -> None:
        super().__init__(blocklimit=blocklimit, compression=0, inlinelimit=inlinelimit)

    def per_document_reader(self, storage: Any, segment: Any) -> W3PerDocReader:
        return ArrayPerDocReader(storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        if byteids:
            return super().postings_writer(dbfile, byteids=True)
        return ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit, inlinelimit=self._inlinelimit)

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: formats.Format, term: Any = None, scorer: Any = None
    ) -> ListMatcher | ArrayLeafMatcher:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class ArrayPerDocReader(W3PerDocReader):  # type: ignore[misc]
    """W3's, remembering which columns a segment has: W3 asks the file system again for every posting
    of a field without lengths (``id``, ``type``, ``words``) when a segment is written, a third of the
    time of writing the postings."""

    def __init__(self, storage: Any, segment: Any) -> None:
        super().__init__(storage, segment)
        self._has: dict[str, bool] = {}
        self._length_bytes: dict[str, bytes] = {}

    def has_column(self, fieldname: str) -> bool:
        has = self._has.get(fieldname)
        if has is None:
            has = self._has[fieldname] = bool(super().has_column(fieldname))
        return has

    def doc_field_length(self, docnum: int, fieldname: str, default: int | None = 0) -> int | None:
        """W3's answer, from the field's length bytes read whole on first use (one byte a document:
        50 KB at 50,000 entries) instead of one file read per call."""
        lengths = self._length_bytes.get(fieldname)
        if lengths is None:
            if docnum > self._doccount:
                raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
            reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if reader is None:
                return default
            # A NumericColumn("B") is its values' bytes, one a document, up to the last one set.
            lengths = self._length_bytes[fieldname] = reader._dbfile.get(reader._basepos, reader._count)
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        lbyte = lengths[docnum] if docnum < len(lengths) else 0
        return byte_to_length(lbyte) if lbyte else None  # None, as W3 says for a length byte of 0


class ArrayPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    _ids: array[int]
    _weights: array[float]
    _values: list[bytes]
    _maxweight: float
    _minlength: int | None
    _maxlength: int

    def __init__(self, postfile: Any, blocklimit: int, inlinelimit: int = 1) -> None:
        super().__init__(postfile, blocklimit, byteids=False, compression=0, inlinelimit=inlinelimit)

    def add_posting(self, id_: int, weight: float, vbytes: bytes, length: int | None = None) -> None:
        # W3's, without its four isinstance assertions per posting (the writer's own callers pass
        # what the pool sorted: ints, floats and bytes).
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(MAGIC)
        self._terminfo.add_block(self)

        ids = self._ids
        gaps = [b - a for a, b in zip(ids, ids[1:], strict=False)]
        id_code = _narrowest(gaps)
        parts = [_to_bytes(id_code, gaps)]

        weights = self._weights
        if all(w == 1.0 for w in weights):
            weight_code = _NONE
        elif all(w == int(w) and w >= 0 for w in weights):
            weight_code = _narrowest(weights, float_ok=True)
            parts.append(_to_bytes(weight_code, [int(w) for w in weights] if weight_code != b"f" else weights))
        else:
            weight_code = b"f"
            parts.append(weights.tobytes() if not _BIG_ENDIAN else _to_bytes(b"f", weights))

        fmt = self._format
        values = self._values
        fixed = fmt.fixed_value_size()
        if fixed == 0 or not values:
            value_code = _NONE
        elif type(fmt) is formats.Frequency and values == _frequency_values(fmt, weights):
            value_code = _DERIVED  # four bytes a posting that the weights already say
        else:
            value_code = _VARIABLE
            parts.append(_to_bytes(b"I", [len(v) for v in values]))
            parts.append(b"".join(values))

        info = _INFO.pack(
            len(ids),
            ids[0],
            ids[-1],
            self._maxweight,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
            id_code,
            weight_code,
            value_code,
        )
        data = b"".join(parts)
        size = len(info) + len(data)
        self._postfile.write_int(-size if last else size)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Reads ``ArrayPostingsWriter`` blocks.  ``_ids`` and ``_weights`` are filled a block at a time,
    as W3's are (the search engine reads them directly)."""

    def _read_header(self) -> None:
        if self._postfile.get(self._startoffset, len(MAGIC)) != MAGIC:
            raise ValueError(f"not an array posting list at {self._startoffset}")
        self._baseoffset = self._startoffset + len(MAGIC)

    def _goto(self, position: int) -> None:
        postfile = self._postfile
        self._data = None
        self._ids = None
        self._weights = None
        self._values = None
        self._i = 0
        length = postfile.get_int(position)
        if length < 0:
            self._lastblock = True
            length = -length
        self._nextoffset = position + 4 + length
        self._dataoffset = position + 4 + _INFO.size
        (
            self._blocklength,
            self._minid,
            self._maxid,
            self._maxweight,
            minlen,
            maxlen,
            self._idcode,
            self._weightcode,
            self._valuecode,
        ) = _INFO.unpack(postfile.get(position + 4, _INFO.size))
        self._compression = 0
        self._minlength = byte_to_length(minlen)
        self._maxlength = byte_to_length(maxlen)

    _data: memoryview | None
    _ids: list[int] | None
    _weights: array[Any] | None
    _values: Any

    def _read_data(self) -> None:
        self._data = memoryview(self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset))

    def _block(self) -> memoryview:
        if self._data is None:
            self._read_data()
        assert self._data is not None
        return self._data

    def _id_bytes(self) -> int:
        return int(self._blocklength - 1) * _SIZE[self._idcode]

    def _read_ids(self) -> None:
        gaps = _from_bytes(self._idcode, self._block()[: self._id_bytes()])
        self._ids = list(accumulate(gaps, initial=self._minid))

    def _weight_bytes(self) -> int:
        if self._weightcode == _NONE:
            return 0
        return int(self._blocklength) * _SIZE[self._weightcode]

    def _read_weights(self) -> None:
        if self._weightcode == _NONE:
            self._weights = array("f", [1.0]) * self._blocklength
            return
        start = self._id_bytes()
        self._weights = _from_bytes(self._weightcode, self._block()[start : start + self._weight_bytes()])

    def _read_values(self) -> None:
        n = self._blocklength
        if self._valuecode == _NONE:
            self._values = (None,) * n if self._fixedsize == 0 else (b"",) * n
            return
        if self._valuecode == _DERIVED:
            if self._weights is None:
                self._read_weights()
            self._values = _frequency_values(self.format, self._weights)
            return
        data = self._block()
        start = self._id_bytes() + self._weight_bytes()
        lengths = _from_bytes(b"I", data[start : start + 4 * n])
        blob = bytes(data[start + 4 * n :])
        ends = list(accumulate(lengths))
        self._values = [blob[e - k : e] for e, k in zip(ends, lengths, strict=True)]

    def _block_ids(self) -> list[int]:
        if self._ids is None:
            self._read_ids()
        assert self._ids is not None
        return self._ids

    def block_min_id(self) -> int:
        return int(self._minid)

    def skip_to(self, targetid: int) -> None:
        if not self.is_active():
            raise ReadTooFar
        if targetid <= self.id():
            return
        if targetid > self._maxid:
            while self.is_active() and targetid > self._maxid:
                self._next_block()
            if not self.is_active():
                return
        # Within the block: a bisect, where W3 steps posting by posting in Python.
        self._i = bisect_left(self._block_ids(), targetid, self._i)

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield from self._block_ids()[self._i :]
            self._next_block()
