"""``healthreader pack ...``: build, check and install signed content packs.

    healthreader pack keygen NAME [--dir DIR]            make NAME.key (private) and NAME.pub
    healthreader pack build DIR --key KEY -o FILE         one signed .hrpack of a library folder
    healthreader pack verify FILE [--trust PUB]...        signature and every file's hash
    healthreader pack info FILE [--unverified]            what a pack holds
    healthreader pack diff OLD NEW                        entries added, changed, renamed, removed
    healthreader pack install FILE                        verify, install beside the current version, switch
    healthreader pack rollback LIBRARY-ID                 back to the previous version
    healthreader pack list                                what is installed, and when it was

Trusted keys are the kiosk policy's ``trusted_keys`` plus ``*.pub`` in /etc/healthreader/keys (or
$HEALTHREADER_KEYS_DIR); ``--trust`` adds one for this command.  Packs install under
/var/lib/healthreader/packs (or $HEALTHREADER_PACKS_DIR, or ``--packs-dir``).

Exit status: 0 done (also when the same version is installed already), 1 the pack was refused (the
sentence says why; nothing was changed), 2 the command could not do its work (no rights, no key).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

REFUSED = 1
FAILED = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pack", help="build, verify and install signed content packs")
    psub = p.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    keygen = psub.add_parser("keygen", help="make a signing key pair: NAME.key (keep it secret) and NAME.pub")
    keygen.add_argument("name", metavar="NAME", help="a name for the key, e.g. clinic-group-2026")
    keygen.add_argument("--dir", default=".", help="where to write the two files (default: here)")
    keygen.set_defaults(func=run_keygen)

    build = psub.add_parser("build", help="build a signed pack of a library folder")
    build.add_argument("folder", metavar="DIR", help="the library folder (with library.yaml)")
    build.add_argument("--key", required=True, metavar="KEY", help="the private key file (from pack keygen)")
    build.add_argument("-o", "--output", required=True, metavar="FILE", help="the pack to write (.hrpack)")
    build.add_argument("--allow-problems", action="store_true", help="build even when entries have problems")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    build.set_defaults(func=run_build)

    for name, helptext, func in (
        ("verify", "check a pack's signature and every file", run_verify),
        ("info", "show what a pack holds", run_info),
    ):
        cmd = psub.add_parser(name, help=helptext)
        cmd.add_argument("file", metavar="FILE")
        _trust_options(cmd)
        if name == "info":
            cmd.add_argument(
                "--unverified", action="store_true", help="show the manifest even if the signature is not trusted"
            )
        cmd.set_defaults(func=func)

    diff = psub.add_parser("diff", help="list what changed between two packs (release notes)")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    _trust_options(diff)
    diff.add_argument("--unverified", action="store_true", help="compare even if the signatures are not trusted")
    diff.set_defaults(func=run_diff)

    install = psub.add_parser("install", help="verify a pack and make it the current version of its library")
    install.add_argument("file", metavar="FILE")
    _trust_options(install)
    _packs_dir_option(install)
    install.set_defaults(func=run_install)

    rollback = psub.add_parser("rollback", help="go back to the previous installed version of a library")
    rollback.add_argument("library_id", metavar="LIBRARY-ID")
    _packs_dir_option(rollback)
    rollback.set_defaults(func=run_rollback)

    listing = psub.add_parser("list", help="installed libraries and their history")
    _packs_dir_option(listing)
    listing.set_defaults(func=run_list)


def _trust_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--trust", action="append", default=[], metavar="PUB", help="also trust this public key file")
    cmd.add_argument("--policy", metavar="FILE", help="read trusted_keys from this kiosk policy")


def _packs_dir_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--packs-dir", metavar="DIR", help="where packs are installed (default /var/lib/healthreader/packs)"
    )


def _err(message: str) -> None:
    print(f"healthreader: {message}", file=sys.stderr)


def _trusted(args: argparse.Namespace) -> dict[str, Any] | None:
    from healthreader.config.kiosk import load_policy
    from healthreader.packs import KeyFileError, trusted_keys
    from healthreader.packs.keys import load_public_key_file
    from healthreader.paths import trusted_keys_dir

    policy, _ = load_policy(Path(args.policy) if getattr(args, "policy", None) else None)
    keys, problems = trusted_keys(list(policy.trusted_keys), trusted_keys_dir())
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    for path in getattr(args, "trust", []):
        try:
            key = load_public_key_file(Path(path))
        except KeyFileError as exc:
            _err(str(exc))
            return None
        keys[key.id] = key
    return keys


def _store(args: argparse.Namespace) -> Any:
    from healthreader.packs import PackStore

    return PackStore(Path(args.packs_dir) if getattr(args, "packs_dir", None) else None)


def run_keygen(args: argparse.Namespace) -> int:
    from healthreader.packs import KeyFileError, SigningKey

    key = SigningKey.generate(args.name)
    try:
        pub = key.save(Path(args.dir) / f"{args.name}.key")
    except (KeyFileError, OSError) as exc:
        _err(str(exc))
        return FAILED
    print(f"private key: {pub.with_suffix('.key')}  (keep it secret and backed up; it signs your packs)")
    print(f"public key:  {pub}  (key id {key.public.id})")
    print("Trust it on each PC: copy the .pub file to /etc/healthreader/keys/, or add this line to")
    print("the kiosk policy's trusted_keys:")
    print(f'  trusted_keys = ["{key.public.line()}"]')
    return 0


def run_build(args: argparse.Namespace) -> int:
    from healthreader.packs import BuildError, KeyFileError, SigningKey, build_pack

    started = time.perf_counter()
    try:
        key = SigningKey.load(Path(args.key))
    except KeyFileError as exc:
        _err(str(exc))
        return FAILED

    def progress(done: int, total: int) -> None:
        if not args.quiet and (done == total or done % 1000 == 0):
            print(f"\rindexing {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)

    try:
        result = build_pack(
            Path(args.folder), key, Path(args.output), allow_problems=args.allow_problems, progress=progress
        )
    except BuildError as exc:
        _err(str(exc))
        return FAILED
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    m = result.manifest
    size = result.path.stat().st_size / 1e6
    print(
        f"built {result.path}: {m.library_id} {m.version}, {len(m.entries)} entries, {len(m.files)} files, "
        f"{size:.1f} MB, signed by {m.signer}, in {time.perf_counter() - started:.1f} s"
    )
    return 0


def _open(path: str, args: argparse.Namespace, unverified: bool = False) -> Any:
    """The pack's manifest (verified unless ``unverified``), or None after saying why not."""
    from healthreader.packs import PackRefused, open_pack

    keys = _trusted(args)
    if keys is None:
        return None
    try:
        return open_pack(Path(path), keys).manifest
    except PackRefused as exc:
        if unverified and exc.kind.value in ("untrusted-key",):
            return _unverified_manifest(Path(path))
        _err(f"refused: {exc}")
        return None


def _unverified_manifest(path: Path) -> Any:
    import zipfile

    from healthreader.packs.manifest import MANIFEST_NAME, MAX_MANIFEST, PackManifest

    print("warning: NOT VERIFIED: the signing key is not trusted here; this is what the pack claims", file=sys.stderr)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(MANIFEST_NAME)
        if info.file_size > MAX_MANIFEST:
            raise SystemExit(REFUSED)
        return PackManifest.from_bytes(zf.read(info))


def run_verify(args: argparse.Namespace) -> int:
    from healthreader.packs import PackRefused, check_files, open_pack

    keys = _trusted(args)
    if keys is None:
        return FAILED
    try:
        pack = open_pack(Path(args.file), keys)
        check_files(pack)
    except PackRefused as exc:
        _err(f"refused: {exc}")
        return REFUSED
    m = pack.manifest
    print(
        f"ok: {Path(args.file).name} is {m.library_id} {m.version} ({len(m.entries)} entries), signed by trusted "
        f"key {pack.key.id}{' (' + pack.key.comment + ')' if pack.key.comment else ''}; all {len(m.files)} files match"
    )
    return 0


def run_info(args: argparse.Namespace) -> int:
    m = _open(args.file, args, args.unverified)
    if m is None:
        return REFUSED
    articles = sum(1 for e in m.entries.values() if e.type == "article")
    size = sum(f.size for f in m.files.values()) / 1e6
    print(f"library:   {m.library_id}  {m.title}")
    print(f"version:   {m.version}  (built {m.built})")
    print(f"entries:   {len(m.entries)} ({articles} articles, {len(m.entries) - articles} questions)")
    print(f"files:     {len(m.files)}, {size:.1f} MB unpacked, search index included")
    print(f"readers:   HealthReader {m.min_reader} or newer")
    print(f"signed by: key {m.signer}")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from healthreader.packs import diff_manifests

    old = _open(args.old, args, args.unverified)
    new = _open(args.new, args, args.unverified) if old is not None else None
    if old is None or new is None:
        return REFUSED
    print("\n".join(diff_manifests(old, new).lines()))
    return 0


def run_install(args: argparse.Namespace) -> int:
    from healthreader.packs import InstallError, PackRefused, Refusal

    keys = _trusted(args)
    if keys is None:
        return FAILED
    if not keys:
        _err("refused: no trusted keys on this computer (kiosk policy trusted_keys, or /etc/healthreader/keys/*.pub)")
        return REFUSED
    store = _store(args)
    started = time.perf_counter()
    try:
        result = store.install(Path(args.file), keys)
    except PackRefused as exc:
        if exc.kind == Refusal.SAME_VERSION:
            print(str(exc))
            return 0
        _err(f"refused: {exc}")
        return REFUSED
    except InstallError as exc:
        _err(str(exc))
        return FAILED
    was = (
        f" (was {result.previous}; 'healthreader pack rollback {result.library_id}' goes back)"
        if result.previous
        else ""
    )
    print(
        f"installed {result.library_id} {result.version}, {result.entries} entries, in {store.root} "
        f"in {time.perf_counter() - started:.1f} s{was}; HealthReader switches at its next start (a kiosk: at its next idle reset)"
    )
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    from healthreader.packs import InstallError

    try:
        result = _store(args).rollback(args.library_id)
    except InstallError as exc:
        _err(str(exc))
        return FAILED
    print(
        f"{result.library_id} is back at {result.version} (from {result.previous}); HealthReader switches at its next start or idle reset"
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = _store(args)
    installed = store.installed()
    if not installed:
        print(f"no packs installed in {store.root}")
    for pack in installed:
        prev = store.previous_version(pack.library_id)
        print(f"{pack.library_id} {pack.version}" + (f"  (previous: {prev})" if prev else "") + f"  {pack.folder}")
    for e in store.history():
        print(
            f"  {e.when}  {e.action:8} {e.library_id} {e.version}"
            + (f" (was {e.previous})" if e.previous else "")
            + f"  key {e.signer}"
        )
    return 0
