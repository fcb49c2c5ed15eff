"""Signed content packs: one file that carries a library, its prebuilt index and a signed manifest,
and the machinery to install it on a fleet of PCs safely (verify, install beside, switch, roll back).

Plain Python (no Qt).  It sits above search (it prebuilds the index a pack ships) and below ui (the
kiosk installs packs from its watched folder and switches library at an idle reset).

Names are imported on first use: every start reads ``packs.folders``, and should not pay for
cryptography and zipfile (about 60 ms) unless it verifies or builds a pack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthreader.packs.build import BuildResult, build_pack
    from healthreader.packs.diff import PackDiff, diff_manifests
    from healthreader.packs.errors import BuildError, InstallError, KeyFileError, PackError, PackRefused, Refusal
    from healthreader.packs.install import HistoryEvent, InstallResult, PackStore, tree_digest
    from healthreader.packs.keys import PublicKey, SigningKey, parse_public_key, trusted_keys
    from healthreader.packs.manifest import PackManifest, version_key
    from healthreader.packs.verify import VerifiedPack, check_files, open_pack
    from healthreader.packs.watch import FolderWatch, ScanOutcome

_WHERE = {
    "build": ("BuildResult", "build_pack"),
    "diff": ("PackDiff", "diff_manifests"),
    "errors": ("BuildError", "InstallError", "KeyFileError", "PackError", "PackRefused", "Refusal"),
    "install": ("HistoryEvent", "InstallResult", "PackStore", "tree_digest"),
    "keys": ("PublicKey", "SigningKey", "parse_public_key", "trusted_keys"),
    "manifest": ("PackManifest", "version_key"),
    "verify": ("VerifiedPack", "check_files", "open_pack"),
    "watch": ("FolderWatch", "ScanOutcome"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "BuildError",
    "BuildResult",
    "FolderWatch",
    "HistoryEvent",
    "InstallError",
    "InstallResult",
    "KeyFileError",
    "PackDiff",
    "PackError",
    "PackManifest",
    "PackRefused",
    "PackStore",
    "PublicKey",
    "Refusal",
    "ScanOutcome",
    "SigningKey",
    "VerifiedPack",
    "build_pack",
    "check_files",
    "diff_manifests",
    "open_pack",
    "parse_public_key",
    "tree_digest",
    "trusted_keys",
    "version_key",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'healthreader.packs' has no attribute {name!r}")
    return getattr(importlib.import_module(f"healthreader.packs.{module}"), name)
