"""Open a pack file and prove it: signed by a trusted key, every file exactly as the manifest says.

A pack is a zip file: ``hrpack.json`` (the manifest), ``hrpack.sig`` (its Ed25519 signature), the
library under ``library/`` and its prebuilt index under ``index/``.  The checks run in an order that
never trusts what is not yet proven: the signature is checked over the manifest's raw bytes before the
manifest is parsed, and each file is hashed as it is read, bounded by the size the manifest gives.

Every refusal is a ``PackRefused`` whose ``kind`` says which of: not a pack, truncated, unsigned, signed
with an untrusted key, tampered (a file or the manifest changed after signing).
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from healthreader.packs.errors import PackRefused, Refusal
from healthreader.packs.keys import PublicKey
from healthreader.packs.manifest import MANIFEST_NAME, SIGNATURE_NAME, PackManifest, Signature

ZIP_MAGIC = b"PK\x03\x04"
MAX_MEMBERS = 200_000
_CHUNK = 1024 * 1024
# What reading a damaged or foreign zip raises: zipfile says NotImplementedError for a version or a
# compression method it lacks, which a single flipped byte in a central-directory entry produces.
_UNREADABLE = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)


@dataclass(frozen=True)
class VerifiedPack:
    """A pack whose signature and manifest checked out (its files are checked as they are extracted)."""

    path: Path
    manifest: PackManifest
    key: PublicKey


def _refuse_unreadable(path: Path, exc: Exception) -> PackRefused:
    try:
        with path.open("rb") as f:
            head = f.read(4)
    except OSError as err:
        return PackRefused(Refusal.UNREADABLE, f"cannot read {path.name}: {err.strerror or err}")
    if head == ZIP_MAGIC:
        return PackRefused(
            Refusal.TRUNCATED,
            f"{path.name} is truncated or damaged (an incomplete copy or download?): its table of contents is missing",
        )
    return PackRefused(Refusal.NOT_A_PACK, f"{path.name} is not a HealthReader pack ({exc})")


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackRefused(Refusal.UNREADABLE, f"there is no file {path}") from None
    except _UNREADABLE as exc:
        raise _refuse_unreadable(path, exc) from None
    names = zf.namelist()
    if len(names) > MAX_MEMBERS:
        zf.close()
        raise PackRefused(Refusal.NOT_A_PACK, f"{path.name} holds more files than any pack does")
    if len(set(names)) != len(names):
        zf.close()
        raise PackRefused(Refusal.TAMPERED, f"{path.name} was tampered with: it holds two files of one name")
    return zf


def _read_member(zf: zipfile.ZipFile, path: Path, name: str, limit: int) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise
    if info.file_size > limit:
        raise PackRefused(Refusal.NOT_A_PACK, f"{path.name}: {name} is larger than it can be")
    try:
        with zf.open(info) as f:
            return f.read(limit + 1)[: limit + 1]
    except _UNREADABLE as exc:
        raise _damaged(path, name, exc) from None


def _damaged(path: Path, name: str, exc: Exception) -> PackRefused:
    if isinstance(exc, EOFError) or "truncated" in str(exc).lower():
        return PackRefused(Refusal.TRUNCATED, f"{path.name} is truncated: {name} ends early")
    return PackRefused(Refusal.TAMPERED, f"{path.name} was tampered with or damaged: {name} does not read back ({exc})")


def open_pack(path: Path, trusted: Mapping[str, PublicKey]) -> VerifiedPack:
    """Check the signature and read the manifest; ``PackRefused`` saying which kind of bad pack it is."""
    path = Path(path)
    with _open_zip(path) as zf:
        return _verify_head(zf, path, trusted)


def _verify_head(zf: zipfile.ZipFile, path: Path, trusted: Mapping[str, PublicKey]) -> VerifiedPack:
    from healthreader.packs.manifest import MAX_MANIFEST, MAX_SIGNATURE

    names = set(zf.namelist())
    if MANIFEST_NAME not in names:
        raise PackRefused(Refusal.NOT_A_PACK, f"{path.name} is not a HealthReader pack: it has no {MANIFEST_NAME}")
    if SIGNATURE_NAME not in names:
        raise PackRefused(Refusal.UNSIGNED, f"{path.name} is unsigned: it has no signature, so its origin is unknown")
    sig = Signature.from_bytes(_read_member(zf, path, SIGNATURE_NAME, MAX_SIGNATURE))
    raw_manifest = _read_member(zf, path, MANIFEST_NAME, MAX_MANIFEST)
    key = trusted.get(sig.key_id)
    if key is None:
        raise PackRefused(
            Refusal.UNTRUSTED_KEY,
            f"{path.name} is signed with a key this computer does not trust (key id {sig.key_id}); "
            "add the publisher's public key to the kiosk policy's trusted_keys or the keys folder",
        )
    if not key.verify(sig.signature, raw_manifest):
        raise PackRefused(
            Refusal.TAMPERED,
            f"{path.name} was tampered with: its manifest does not match the signature of key {key.id}",
        )
    manifest = PackManifest.from_bytes(raw_manifest)
    if manifest.signer != key.id:
        raise PackRefused(
            Refusal.TAMPERED, f"{path.name} was tampered with: signed by {key.id}, manifest names {manifest.signer}"
        )
    extra = sorted(names - set(manifest.files) - {MANIFEST_NAME, SIGNATURE_NAME})
    if extra:
        raise PackRefused(Refusal.TAMPERED, f"{path.name} was tampered with: {extra[0]} is not listed in its manifest")
    missing = sorted(set(manifest.files) - names)
    if missing:
        raise PackRefused(Refusal.TAMPERED, f"{path.name} was tampered with: {missing[0]} is missing")
    for name, rec in manifest.files.items():
        if zf.getinfo(name).file_size != rec.size:
            raise PackRefused(
                Refusal.TAMPERED, f"{path.name} was tampered with: {name} is not the size its manifest says"
            )
    return VerifiedPack(path, manifest, key)


def _copy_checked(src: IO[bytes], dst: IO[bytes] | None, size: int) -> str:
    h = hashlib.sha256()
    left = size
    while True:
        chunk = src.read(min(_CHUNK, left + 1))
        if not chunk:
            break
        left -= len(chunk)
        if left < 0:
            raise ValueError("longer than its manifest says")
        h.update(chunk)
        if dst is not None:
            dst.write(chunk)
    if left != 0:
        raise EOFError("shorter than its manifest says")
    return h.hexdigest()


def _members(zf: zipfile.ZipFile, pack: VerifiedPack) -> Iterator[tuple[str, IO[bytes], int, str]]:
    for name, rec in sorted(pack.manifest.files.items()):
        with zf.open(name) as src:
            yield name, src, rec.size, rec.sha256


def check_files(pack: VerifiedPack) -> None:
    """Hash every file against the manifest without writing anything (``pack verify``)."""
    extract(pack, None)


def extract(pack: VerifiedPack, target: Path | None) -> None:
    """Write the pack's files under ``target`` (None: only check them), each hashed as it is written;
    ``PackRefused`` at the first file that differs from the manifest.  The caller removes ``target``
    on failure: nothing here is the installed library."""
    with _open_zip(pack.path) as zf:
        again = _verify_head(zf, pack.path, {pack.key.id: pack.key})
        if again.manifest != pack.manifest:
            raise PackRefused(Refusal.TAMPERED, f"{pack.path.name} changed while it was being installed")
        for name, rec in sorted(pack.manifest.files.items()):
            try:
                with zf.open(name) as src:
                    if target is None:
                        digest = _copy_checked(src, None, rec.size)
                    else:
                        out = target / name
                        out.parent.mkdir(parents=True, exist_ok=True)
                        with out.open("wb") as dst:
                            digest = _copy_checked(src, dst, rec.size)
            except _UNREADABLE as exc:
                if isinstance(exc, OSError) and target is not None and not isinstance(exc, zipfile.BadZipFile):
                    raise
                raise _damaged(pack.path, name, exc) from None
            if digest != rec.sha256:
                raise PackRefused(
                    Refusal.TAMPERED, f"{pack.path.name} was tampered with: {name} differs from its signed manifest"
                )


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
