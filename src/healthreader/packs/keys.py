"""Ed25519 keys for signing content packs: make a pair, read a private key, read trusted public keys.

A public key travels as one line of text, easy to paste into the kiosk policy or to drop into the
keys folder as ``NAME.pub``::

    ed25519:9Y0w...= clinic-group-2026

The key id is the first 16 hex digits of the SHA-256 of the raw key: short enough to read aloud,
long enough that two keys of one fleet never share it.

    >>> key = parse_public_key("ed25519:" + "A" * 43 + "= test")
    Traceback (most recent call last):
    ...
    healthreader.packs.errors.KeyFileError: not an Ed25519 public key line (expected 'ed25519:<base64 of 32 bytes>')
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from healthreader.packs.errors import KeyFileError

PREFIX = "ed25519:"
MAX_KEY_FILE = 64 * 1024  # a key file is a few hundred bytes; anything larger is not one


def key_id(raw_public: bytes) -> str:
    return hashlib.sha256(raw_public).hexdigest()[:16]


@dataclass(frozen=True)
class PublicKey:
    raw: bytes
    comment: str = ""

    @property
    def id(self) -> str:
        return key_id(self.raw)

    def line(self) -> str:
        text = PREFIX + base64.b64encode(self.raw).decode("ascii")
        return f"{text} {self.comment}".strip()

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True


def parse_public_key(line: str) -> PublicKey:
    """A public key from its line (``ed25519:<base64> [comment]``)."""
    text = line.strip()
    head, _, comment = text.partition(" ")
    if not head.startswith(PREFIX):
        raise KeyFileError(f"not an Ed25519 public key line (expected '{PREFIX}<base64 of 32 bytes>')")
    try:
        raw = base64.b64decode(head[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise KeyFileError(f"not an Ed25519 public key line (expected '{PREFIX}<base64 of 32 bytes>')")
    return PublicKey(raw, comment.strip())


class SigningKey:
    """A private key read from its PEM file; it signs manifests and knows its public half."""

    def __init__(self, private: Ed25519PrivateKey, comment: str = "") -> None:
        self._private = private
        raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.public = PublicKey(raw, comment)

    @classmethod
    def generate(cls, comment: str = "") -> SigningKey:
        return cls(Ed25519PrivateKey.generate(), comment)

    @classmethod
    def load(cls, path: Path) -> SigningKey:
        data = _read_small(path)
        try:
            private = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyFileError(f"{path} is not an unencrypted PEM private key ({exc})") from None
        if not isinstance(private, Ed25519PrivateKey):
            raise KeyFileError(f"{path} holds a private key, but not an Ed25519 one")
        return cls(private, path.stem)

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)

    def pem(self) -> bytes:
        return self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def save(self, private_path: Path) -> Path:
        """Write ``NAME.key`` (readable by its owner only) and ``NAME.pub`` beside it; returns the .pub."""
        public_path = private_path.with_suffix(".pub")
        for p in (private_path, public_path):
            if p.exists():
                raise KeyFileError(f"{p} exists already; a key is never overwritten")
        private_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(self.pem())
        public_path.write_text(self.public.line() + "\n", encoding="ascii")
        return public_path


def _read_small(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise KeyFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_KEY_FILE:
        raise KeyFileError(f"{path} is too large to be a key file")
    return data


def load_public_key_file(path: Path) -> PublicKey:
    try:
        text = _read_small(path).decode("ascii")
    except UnicodeDecodeError:
        raise KeyFileError(f"{path} is not a public key line") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if len(lines) != 1:
        raise KeyFileError(f"{path} must hold exactly one public key line")
    try:
        return parse_public_key(lines[0])
    except KeyFileError as exc:
        raise KeyFileError(f"{path}: {exc}") from None


def trusted_keys(
    lines: tuple[str, ...] | list[str] = (), folder: Path | None = None
) -> tuple[dict[str, PublicKey], list[str]]:
    """The keys packs may be signed with: lines from the kiosk policy, then ``*.pub`` in ``folder``.
    Returns them by key id, with a sentence for each one that could not be read (skipped, never fatal)."""
    keys: dict[str, PublicKey] = {}
    problems: list[str] = []
    for line in lines:
        try:
            key = parse_public_key(line)
        except KeyFileError as exc:
            problems.append(f"trusted_keys: {exc}")
            continue
        keys[key.id] = key
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.pub")):
            try:
                key = load_public_key_file(path)
            except KeyFileError as exc:
                problems.append(str(exc))
                continue
            keys[key.id] = key
    return keys, problems
