"""Signed content packs: one file that carries a library, its prebuilt index and a signed manifest,
and the machinery to install it on a fleet of PCs safely (verify, install beside, switch, roll back).

Plain Python (no Qt).  It sits above search (it prebuilds the index a pack ships) and below ui (the
kiosk installs packs from its watched folder and switches library at an idle reset).
"""

from healthreader.packs.build import BuildResult, build_pack
from healthreader.packs.diff import PackDiff, diff_manifests
from healthreader.packs.errors import BuildError, InstallError, KeyFileError, PackError, PackRefused, Refusal
from healthreader.packs.install import HistoryEvent, InstallResult, PackStore, tree_digest
from healthreader.packs.keys import PublicKey, SigningKey, parse_public_key, trusted_keys
from healthreader.packs.manifest import PackManifest, version_key
from healthreader.packs.verify import VerifiedPack, check_files, open_pack
from healthreader.packs.watch import FolderWatch, ScanOutcome

__all__ = [
    "BuildError",
    "BuildResult",
    "build_pack",
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
    "check_files",
    "diff_manifests",
    "open_pack",
    "parse_public_key",
    "trusted_keys",
    "tree_digest",
    "version_key",
]
