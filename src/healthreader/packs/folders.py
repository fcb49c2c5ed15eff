"""Which library folders the app reads once packs are installed.

An installed pack of the bundled library's id replaces the bundled folder when it is newer (a .deb
upgrade that ships a newer library wins back); packs of other libraries (a clinic's own handouts)
come after it; folders given with ``--library`` come last.
"""

from __future__ import annotations

from pathlib import Path

from healthreader.packs.manifest import version_key
from healthreader.paths import InstalledPack, bundled_library, installed_packs


def library_folders(
    extra: list[str] | list[Path] | tuple[str | Path, ...] = (),
    include_bundled: bool = True,
    *,
    packs_root: Path | None = None,
    bundled: Path | None = None,
) -> list[Path]:
    """The folders to load, in order.  Without the bundled library (``--no-bundled``, a writer previewing
    a folder of their own) no installed pack is read either: only the folders given."""
    if not include_bundled:
        return [Path(d) for d in extra]
    packs = installed_packs(packs_root)
    bundled = bundled if bundled is not None else bundled_library()
    folders: list[Path] = []
    if include_bundled and not packs:
        folders.append(bundled)  # nothing could replace it: its library.yaml is not read (nor YAML imported) here
    elif include_bundled:
        from healthreader.content.loader import load_library_info

        info, _ = load_library_info(bundled)
        same = next((p for p in packs if p.library_id == info.id), None)
        if same is not None and version_key(same.version) > version_key(info.version or "0"):
            folders.append(same.library_dir)
        else:
            folders.append(bundled)
        packs = [p for p in packs if p is not same]
    folders += [p.library_dir for p in packs]
    return folders + [Path(d) for d in extra]


def signature(packs_root: Path | None = None) -> tuple[tuple[str, str], ...]:
    """What is installed now, to notice a change (the kiosk switches at its next idle reset)."""
    return tuple((p.library_id, p.version) for p in installed_packs(packs_root))


__all__ = ["InstalledPack", "library_folders", "signature"]
