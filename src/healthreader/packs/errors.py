"""The packs package's errors: each refusal says, in one sentence, which kind of bad pack it was."""

from __future__ import annotations

import enum


class Refusal(enum.StrEnum):
    """Why a pack was not accepted; tests and the staff view tell the kinds apart by this."""

    NOT_A_PACK = "not-a-pack"
    TRUNCATED = "truncated"
    UNSIGNED = "unsigned"
    UNTRUSTED_KEY = "untrusted-key"
    TAMPERED = "tampered"
    OLDER = "older"
    SAME_VERSION = "same-version"
    ROLLED_BACK = "rolled-back"  # the watched folder never re-installs a version staff rolled back from
    INCOMPATIBLE = "incompatible"
    UNREADABLE = "unreadable"


class PackError(Exception):
    """Base of the packs package's errors."""


class PackRefused(PackError):
    """A pack that must not be installed (or trusted): ``kind`` says why, the message says it in words."""

    def __init__(self, kind: Refusal, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class KeyFileError(PackError):
    """A key file that cannot be read or is not an Ed25519 key."""


class InstallError(PackError):
    """Installing or rolling back failed for a reason that is not the pack's (no rights, disk full)."""


class BuildError(PackError):
    """A pack could not be built (content problems, an unreadable folder, no room)."""
