"""What a pack says about itself: the manifest (library, version, every file and entry with its hash,
the HealthReader versions that can read it) and the signature over the manifest's exact bytes.

The manifest is canonical JSON (sorted keys, no spaces), so the bytes signed are the bytes stored.
It is parsed only after its signature checked out, so a stranger's file never reaches the parser;
even then it is bounded and strictly typed.

    >>> version_key("2026.12.1") > version_key("2026.11.10"), version_key("2026.12") < version_key("2026.12.1")
    (True, True)
    >>> version_key("2026.12.1") > version_key("2026.2.1")
    True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from healthreader.packs.errors import PackRefused, Refusal

FORMAT = "healthreader-pack"
FORMAT_VERSION = 1
MANIFEST_NAME = "hrpack.json"
SIGNATURE_NAME = "hrpack.sig"
LIBRARY_PREFIX = "library/"
INDEX_PREFIX = "index/"
MAX_MANIFEST = 64 * 1024 * 1024  # 10,000 entries and their index make about 4 MB
MAX_SIGNATURE = 4096

LIBRARY_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+_~-]{0,63}$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_BAD_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f\\:]")


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order versions as people read them: numbers by value, words by text (2026.12.1 > 2026.2.1)."""
    parts = re.split(r"[.+_~-]", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def safe_member_name(name: str) -> bool:
    """Whether ``name`` may be a file of a pack: under library/ or index/, relative, no '..', no hidden parts.

    >>> [safe_member_name(n) for n in ("library/articles/a.md", "library/../etc/passwd", "/etc/x", "index/.x")]
    [True, False, False, False]
    """
    if not name.startswith((LIBRARY_PREFIX, INDEX_PREFIX)) or _BAD_NAME_CHARS.search(name) or len(name) > 400:
        return False
    parts = name.split("/")
    return len(parts) >= 2 and all(p and not p.startswith(".") for p in parts)


@dataclass(frozen=True)
class EntryRecord:
    """One entry as the pack holds it: enough for ``pack diff`` without opening the files."""

    path: str
    sha256: str
    title: str
    type: str
    moved_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileRecord:
    size: int
    sha256: str


@dataclass(frozen=True)
class PackManifest:
    library_id: str
    version: str
    title: str
    built: str  # the day it was built (ISO date)
    min_reader: str  # the oldest HealthReader that can read it
    signer: str  # the key id it is signed with
    entries: dict[str, EntryRecord] = field(default_factory=dict)
    files: dict[str, FileRecord] = field(default_factory=dict)
    index_hash: str = ""  # the content hash the prebuilt index was made for
    format_version: int = FORMAT_VERSION

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "format_version": self.format_version,
            "library": {"id": self.library_id, "version": self.version, "title": self.title},
            "built": self.built,
            "readers": {"min": self.min_reader},
            "signer": self.signer,
            "index_hash": self.index_hash,
            "entries": {
                eid: {
                    "path": e.path,
                    "sha256": e.sha256,
                    "title": e.title,
                    "type": e.type,
                    "moved_from": list(e.moved_from),
                }
                for eid, e in self.entries.items()
            },
            "files": {name: {"size": f.size, "sha256": f.sha256} for name, f in self.files.items()},
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> PackManifest:
        """Parse a manifest whose signature is good; ``PackRefused`` for anything not of the format."""
        if len(data) > MAX_MANIFEST:
            raise PackRefused(Refusal.NOT_A_PACK, "the pack's manifest is larger than any pack needs")
        try:
            doc = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise PackRefused(Refusal.NOT_A_PACK, f"the pack's manifest is not readable JSON ({exc})") from None
        try:
            return _manifest_from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PackRefused(Refusal.NOT_A_PACK, f"the pack's manifest is not of the pack format ({exc})") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _text(value: Any, what: str, max_len: int = 400) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise ValueError(f"{what} must be text")
    return value


def _manifest_from_doc(doc: Any) -> PackManifest:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("no 'format': healthreader-pack")
    fmt = doc["format_version"]
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise ValueError("format_version must be a whole number")
    lib = doc["library"]
    library_id = _text(lib["id"], "library id", 80)
    version = _text(lib["version"], "version", 64)
    if not LIBRARY_ID_RE.match(library_id):
        raise ValueError(f"library id {library_id!r} is not a plain id")
    if not VERSION_RE.match(version):
        raise ValueError(f"version {version!r} is not a plain version")
    entries: dict[str, EntryRecord] = {}
    for eid, e in doc["entries"].items():
        moved = e.get("moved_from", [])
        if not isinstance(moved, list):
            raise ValueError("moved_from must be a list")
        entries[_text(eid, "entry id", 80)] = EntryRecord(
            path=_text(e["path"], "entry path"),
            sha256=_sha(e["sha256"]),
            title=_text(e["title"], "entry title", 2000),
            type=_text(e["type"], "entry type", 20),
            moved_from=tuple(_text(m, "moved_from id", 80) for m in moved),
        )
    files: dict[str, FileRecord] = {}
    for name, f in doc["files"].items():
        if not safe_member_name(name):
            raise ValueError(f"file name {name!r} is not allowed in a pack")
        size = f["size"]
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ValueError(f"{name}: size must be a whole number")
        files[name] = FileRecord(size, _sha(f["sha256"]))
    for eid, e in entries.items():
        if e.path not in files:
            raise ValueError(f"entry {eid} names a file the pack does not list")
    return PackManifest(
        library_id=library_id,
        version=version,
        title=_text(lib.get("title", ""), "title", 2000),
        built=_text(doc["built"], "built", 40),
        min_reader=_text(doc["readers"]["min"], "readers.min", 40),
        signer=_text(doc["signer"], "signer", 64),
        entries=entries,
        files=files,
        index_hash=_text(doc.get("index_hash", ""), "index_hash", 128),
        format_version=fmt,
    )


def _sha(value: Any) -> str:
    if not isinstance(value, str) or not _SHA256_RE.match(value):
        raise ValueError("sha256 must be 64 hex digits")
    return value


@dataclass(frozen=True)
class Signature:
    key_id: str
    signature: bytes

    def to_bytes(self) -> bytes:
        import base64

        doc = {"algorithm": "ed25519", "key_id": self.key_id, "signature": base64.b64encode(self.signature).decode()}
        return json.dumps(doc, sort_keys=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        import base64
        import binascii

        try:
            if len(data) > MAX_SIGNATURE:
                raise ValueError("too large")
            doc = json.loads(data.decode("ascii"))
            if doc.get("algorithm") != "ed25519":
                raise ValueError(f"algorithm {doc.get('algorithm')!r}")
            sig = base64.b64decode(doc["signature"], validate=True)
            kid = doc["key_id"]
            if not isinstance(kid, str) or len(sig) != 64:
                raise ValueError("not an Ed25519 signature")
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
            raise PackRefused(Refusal.UNSIGNED, f"the pack's signature file is not a signature ({exc})") from None
        return cls(kid, sig)
