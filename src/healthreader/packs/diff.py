"""``pack diff``: what changed between two versions of a library, as release notes a clinic reviews.

An entry is *renamed* when the new version lists its old id under ``moved_from`` and the old id is
gone; *changed* when its file's hash differs; added and removed otherwise.  Only the manifests are
compared: no file is unpacked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from healthreader.packs.manifest import PackManifest


@dataclass
class PackDiff:
    old: PackManifest
    new: PackManifest
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old id, new id)
    other_files: list[str] = field(default_factory=list)  # library.yaml and word lists that changed

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.renamed or self.other_files)

    def lines(self) -> list[str]:
        o, n = self.old, self.new
        out = [f"{n.library_id}: {o.version} -> {n.version} ({len(o.entries)} -> {len(n.entries)} entries)"]
        if o.library_id != n.library_id:
            out.append(f"  note: different libraries ({o.library_id} and {n.library_id})")
        for title, items in (
            ("added", [f"{i}  {n.entries[i].title}" for i in self.added]),
            ("changed", [f"{i}  {n.entries[i].title}" for i in self.changed]),
            ("renamed", [f"{a} -> {b}  {n.entries[b].title}" for a, b in self.renamed]),
            ("removed", [f"{i}  {o.entries[i].title}" for i in self.removed]),
            ("other files changed", self.other_files),
        ):
            out.append(f"{title} ({len(items)}):")
            out += [f"  {line}" for line in items]
        return out


def diff_manifests(old: PackManifest, new: PackManifest) -> PackDiff:
    d = PackDiff(old, new)
    gone = set(old.entries) - set(new.entries)
    renamed_from: set[str] = set()
    for eid in sorted(new.entries):
        e = new.entries[eid]
        if eid in old.entries:
            if old.entries[eid].sha256 != e.sha256:
                d.changed.append(eid)
            continue
        sources = [m for m in e.moved_from if m in gone and m not in renamed_from]
        if sources:
            d.renamed.append((sources[0], eid))
            renamed_from.add(sources[0])
        else:
            d.added.append(eid)
    d.removed = sorted(gone - renamed_from)
    entry_files = {e.path for e in old.entries.values()} | {e.path for e in new.entries.values()}
    for name in sorted(set(old.files) | set(new.files)):
        if name in entry_files or not name.startswith("library/"):
            continue  # entries are reported above; the index follows from the rest
        if old.files.get(name) != new.files.get(name):
            d.other_files.append(name.removeprefix("library/"))
    return d
