"""Packs end to end on the library layer: build, verify, install beside, switch, roll back, diff."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from healthreader.content import load_library
from healthreader.packs import (
    PackRefused,
    PackStore,
    Refusal,
    build_pack,
    check_files,
    diff_manifests,
    open_pack,
    tree_digest,
)
from healthreader.packs.folders import library_folders
from healthreader.search.index import IndexStatus, check_index, prebuilt_index_dirs
from tests.unit.packs.conftest import edit_body, rename_entry, set_version


def test_a_built_pack_verifies_and_lists_every_entry_with_its_hash(make_pack, trusted) -> None:
    pack = open_pack(make_pack("1.0"), trusted)
    m = pack.manifest
    assert (m.library_id, m.version, m.title) == ("test-library", "1.0", "测试读本")
    assert sorted(m.entries) == ["alpha", "gamma", "qa-beta"]
    assert m.entries["alpha"].path == "library/articles/alpha.md"
    assert all(len(e.sha256) == 64 for e in m.entries.values())
    assert "library/library.yaml" in m.files
    assert any(name.startswith("index/") for name in m.files), "the prebuilt index ships in the pack"
    check_files(pack)  # every file hashes as its manifest says


def test_build_leaves_out_what_is_not_library_content(library_copy, key, tmp_path, trusted) -> None:
    src = library_copy("1.0")
    (src / "notes.txt").write_text("staff notes, not for patients", encoding="utf-8")
    (src / "articles" / "alpha.md~").write_text("editor backup", encoding="utf-8")
    (src / ".git").mkdir()
    (src / ".git" / "config").write_text("[core]", encoding="utf-8")
    out = tmp_path / "p.hrpack"
    build_pack(src, key, out)
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if "notes" in n or n.endswith("~") or ".git" in n]


def test_install_makes_a_readable_library_with_a_usable_prebuilt_index(make_pack, store, trusted) -> None:
    result = store.install(make_pack("1.0"), trusted)
    assert (result.library_id, result.version, result.previous, result.entries) == ("test-library", "1.0", "", 3)
    (installed,) = store.installed()
    assert installed.version == "1.0"
    library = load_library([installed.library_dir])
    assert library.problems == [] and sorted(library.entries) == ["alpha", "gamma", "qa-beta"]
    # The index built at pack time is current for the installed copy: no rebuild on the clinic's PC.
    assert check_index(installed.index_dir, library) == (IndexStatus.OK, "")
    assert installed.index_dir in prebuilt_index_dirs()
    assert oct(installed.folder.stat().st_mode & 0o777) == "0o755", "every user of the PC can read it"


def test_a_second_version_installs_beside_and_rollback_returns_to_the_first(make_pack, store, trusted) -> None:
    store.install(make_pack("1.0"), trusted)
    result = store.install(make_pack("1.1"), trusted)
    assert (result.version, result.previous) == ("1.1", "1.0")
    assert store.current("test-library").version == "1.1"
    assert (store.root / "test-library" / "1.0" / "library").is_dir(), "the previous version is kept"
    back = store.rollback("test-library")
    assert (back.version, back.previous) == ("1.0", "1.1")
    assert store.current("test-library").version == "1.0"
    events = store.history("test-library")
    assert [(e.action, e.version, e.previous) for e in events] == [
        ("install", "1.0", ""),
        ("install", "1.1", "1.0"),
        ("rollback", "1.0", "1.1"),
    ]
    # After a rollback the newer pack may be installed again on purpose.
    again = store.install(make_pack("1.2"), trusted)
    assert (again.version, again.previous) == ("1.2", "1.0")
    assert sorted(d.name for d in (store.root / "test-library").iterdir() if d.is_dir()) == ["1.0", "1.2"]


def test_rollback_with_nothing_to_go_back_to_says_so(make_pack, store, trusted) -> None:
    from healthreader.packs import InstallError

    with pytest.raises(InstallError, match="no version of test-library is installed"):
        store.rollback("test-library")
    store.install(make_pack("1.0"), trusted)
    with pytest.raises(InstallError, match="no previous version"):
        store.rollback("test-library")


# --- bad packs: each refused with its sentence, the installed library untouched ----------------------


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _member_data_offset(path: Path, name: str) -> int:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    raw = path.read_bytes()
    start = info.header_offset
    name_len = int.from_bytes(raw[start + 26 : start + 28], "little")
    extra_len = int.from_bytes(raw[start + 28 : start + 30], "little")
    return start + 30 + name_len + extra_len


def _rezip(src: Path, dst: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Copy a pack, replacing (or dropping, with None) members: a tamperer who knows the format."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)


def _bad_pack(kind: str, make_pack, other_key, tmp_path: Path) -> Path:
    good = make_pack("2.0")
    bad = tmp_path / f"bad-{kind}.hrpack"
    if kind == "flipped entry byte":
        bad.write_bytes(good.read_bytes())
        _flip(bad, _member_data_offset(bad, "library/articles/gamma.md") + 5)
    elif kind == "flipped manifest byte":
        bad.write_bytes(good.read_bytes())
        _flip(bad, _member_data_offset(bad, "hrpack.json") + 40)
    elif kind == "changed entry, zip rebuilt":
        text = zipfile.ZipFile(good).read("library/articles/gamma.md").replace("循序渐进".encode(), "一步到位".encode())
        _rezip(good, bad, {"library/articles/gamma.md": text})
    elif kind == "extra file":
        _rezip(good, bad, {}, {"library/articles/extra.md": b"---\nid: extra\n---\n"})
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "unsigned":
        _rezip(good, bad, {"hrpack.sig": None})
    elif kind == "re-signed with another key":
        bad = make_pack("2.0", signer=other_key)
    elif kind == "not a pack":
        bad.write_bytes(b"%PDF-1.4 this is a handout, not a pack\n" * 100)
    elif kind == "empty file":
        bad.write_bytes(b"")
    return bad


BAD = {
    "flipped entry byte": (Refusal.TAMPERED, "tampered with or damaged: library/articles/gamma.md"),
    "flipped manifest byte": (Refusal.TAMPERED, "tampered with or damaged: hrpack.json"),
    "changed entry, zip rebuilt": (Refusal.TAMPERED, "library/articles/gamma.md differs from its signed manifest"),
    "extra file": (Refusal.TAMPERED, "library/articles/extra.md is not listed in its manifest"),
    "truncated": (Refusal.TRUNCATED, "is truncated"),
    "unsigned": (Refusal.UNSIGNED, "is unsigned"),
    "re-signed with another key": (Refusal.UNTRUSTED_KEY, "signed with a key this computer does not trust"),
    "not a pack": (Refusal.NOT_A_PACK, "is not a HealthReader pack"),
    "empty file": (Refusal.NOT_A_PACK, "is not a HealthReader pack"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_pack_is_refused_with_its_reason_and_the_library_stays_as_it_was(
    kind, make_pack, other_key, store, trusted, tmp_path
) -> None:
    store.install(make_pack("1.0"), trusted)
    before = tree_digest(store.root)
    bad = _bad_pack(kind, make_pack, other_key, tmp_path)
    expected_kind, words = BAD[kind]
    with pytest.raises(PackRefused) as refused:
        store.install(bad, trusted)
    assert refused.value.kind == expected_kind
    assert words in str(refused.value)
    assert tree_digest(store.root) == before, "a refused pack must not change the installed library"
    assert store.current("test-library").version == "1.0"


def test_an_older_pack_replayed_is_refused(make_pack, store, trusted) -> None:
    old = make_pack("1.0")
    store.install(make_pack("1.1"), trusted)
    before = tree_digest(store.root)
    with pytest.raises(PackRefused, match=r"older than the installed 1\.1") as refused:
        store.install(old, trusted)
    assert refused.value.kind == Refusal.OLDER
    assert tree_digest(store.root) == before


def test_a_pack_for_a_newer_healthreader_is_refused(library_copy, key, store, trusted, tmp_path) -> None:
    out = tmp_path / "future.hrpack"
    build_pack(library_copy("1.0"), key, out, min_reader="99.0")
    with pytest.raises(PackRefused, match=r"needs HealthReader 99\.0 or newer") as refused:
        store.install(out, trusted)
    assert refused.value.kind == Refusal.INCOMPATIBLE
    assert store.installed() == []


def test_no_byte_of_a_pack_can_be_changed_unnoticed(make_pack, store, trusted, tmp_path) -> None:
    """Flip bytes across the whole file: each try is refused, or installs exactly the signed files."""
    good = make_pack("2.0")
    signed = {n: zipfile.ZipFile(good).read(n) for n in zipfile.ZipFile(good).namelist() if n.startswith("library/")}
    size = good.stat().st_size
    for i in range(40):
        store_dir = tmp_path / f"root-{i}"
        bad = tmp_path / f"flip-{i}.hrpack"
        bad.write_bytes(good.read_bytes())
        _flip(bad, (size - 1) * i // 39)
        try:
            PackStore(store_dir).install(bad, trusted)
        except PackRefused:
            assert not (store_dir / "test-library" / "current").exists()
            continue
        # Accepted only when the flip hit bytes no content depends on (a timestamp in a zip header).
        folder = store_dir / "test-library" / "2.0"
        for name, data in signed.items():
            assert (folder / name).read_bytes() == data


@pytest.mark.parametrize(
    ("field", "value"),
    [(6, 235), (10, 99)],  # "version needed to extract" 23.5; compression method 99 (AES, which zipfile lacks)
    ids=["zip version 23.5", "compression 99"],
)
@pytest.mark.parametrize("member", ["hrpack.json", "library/articles/gamma.md"])
def test_a_member_zipfile_cannot_read_is_refused_in_words(make_pack, trusted, tmp_path, field, value, member) -> None:
    """zipfile raises NotImplementedError for these (a flipped byte made one in CI): refused, never a traceback."""
    bad = tmp_path / "unreadable.hrpack"
    bad.write_bytes(make_pack("2.0").read_bytes())
    with zipfile.ZipFile(bad) as zf:
        header_offset = zf.getinfo(member).header_offset
    raw = bytearray(bad.read_bytes())
    central = raw.find(b"PK\x01\x02" + b"", 0)
    while central != -1 and int.from_bytes(raw[central + 42 : central + 46], "little") != header_offset:
        central = raw.find(b"PK\x01\x02", central + 4)
    assert central != -1
    raw[central + field : central + field + 2] = value.to_bytes(2, "little")
    bad.write_bytes(bytes(raw))
    with pytest.raises(PackRefused) as refused:
        PackStore(tmp_path / "store").install(bad, trusted)
    assert member in str(refused.value) or "unreadable" in str(refused.value), refused.value
    assert not (tmp_path / "store" / "test-library" / "current").exists()


def test_a_failed_install_leaves_no_staging_folder(make_pack, store, trusted, tmp_path) -> None:
    store.install(make_pack("1.0"), trusted)
    bad = _bad_pack("changed entry, zip rebuilt", make_pack, None, tmp_path)
    with pytest.raises(PackRefused):
        store.install(bad, trusted)
    assert [p.name for p in (store.root / "test-library").iterdir() if p.name.startswith(".staging")] == []


# --- diff and renamed entries --------------------------------------------------------------------------


def test_diff_lists_added_changed_renamed_and_removed_entries(library_copy, key, tmp_path, trusted) -> None:
    v1 = library_copy("1.0")
    old = tmp_path / "v1.hrpack"
    build_pack(v1, key, old)
    v2 = library_copy("1.1")
    edit_body(v2, "articles/gamma.md", "## 新增一节\n补充的内容。")
    rename_entry(v2, "articles/alpha.md", "alpha-renamed")
    (v2 / "qa" / "qa-new.md").write_text(
        "---\nid: qa-new\ntype: qa\ntitle: 新问题\nsummary: 新摘要。\ncategory: 神经与肌肉\nreviewed: 2026-12-01\n---\n新回答。\n",
        encoding="utf-8",
    )
    new = tmp_path / "v2.hrpack"
    build_pack(v2, key, new)
    d = diff_manifests(open_pack(old, trusted).manifest, open_pack(new, trusted).manifest)
    assert d.added == ["qa-new"]
    assert d.renamed == [("alpha", "alpha-renamed")]
    # gamma was edited; qa-beta's related list now names alpha-renamed, so it changed too.
    assert d.changed == ["gamma", "qa-beta"]
    assert d.removed == []
    assert d.other_files == ["library.yaml"]
    text = "\n".join(d.lines())
    assert "test-library: 1.0 -> 1.1 (3 -> 4 entries)" in text
    assert "alpha -> alpha-renamed  面部肌肉萎缩测试文章" in text


# --- which folders the app reads ------------------------------------------------------------------------


def test_an_installed_newer_pack_of_the_bundled_library_replaces_it(make_pack, store, trusted, library_copy) -> None:
    bundled = library_copy("1.0", name="bundled")
    assert library_folders(bundled=bundled) == [bundled]
    store.install(make_pack("1.5"), trusted)
    assert library_folders(bundled=bundled) == [store.current("test-library").library_dir]
    set_version(bundled, "2.0")  # a .deb upgrade brought a newer library than the pack
    assert library_folders(bundled=bundled) == [bundled]
    assert library_folders(["/extra"], include_bundled=False, bundled=bundled) == [Path("/extra")]
