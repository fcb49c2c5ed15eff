"""The watched drop folder, and the keys packs are signed and checked with."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from healthreader.packs import FolderWatch, KeyFileError, SigningKey, parse_public_key, trusted_keys


def test_the_watched_folder_installs_new_packs_and_refuses_bad_ones_once(make_pack, store, trusted, tmp_path) -> None:
    drop = tmp_path / "usb"
    drop.mkdir()
    watch = FolderWatch(drop, store, trusted)
    assert watch.scan() == []
    shutil.copy(make_pack("1.0"), drop / "library-1.0.hrpack")
    (drop / "broken.hrpack").write_bytes(b"PK\x03\x04 half a download")
    (drop / "readme.txt").write_text("not a pack", encoding="utf-8")
    outcomes = {o.path.name: o for o in watch.scan()}
    assert set(outcomes) == {"library-1.0.hrpack", "broken.hrpack"}
    assert outcomes["library-1.0.hrpack"].installed.version == "1.0"
    assert outcomes["broken.hrpack"].kind == "truncated"
    assert "broken.hrpack is truncated" in outcomes["broken.hrpack"].refused
    assert watch.scan() == [], "each file is tried once, not at every scan"
    shutil.copy(make_pack("1.1"), drop / "library-1.1.hrpack")
    (new,) = watch.scan()
    assert (new.installed.version, new.installed.previous) == ("1.1", "1.0")
    assert store.current("test-library").version == "1.1"


def test_a_pack_left_in_the_watched_folder_does_not_undo_a_rollback(make_pack, store, trusted, tmp_path) -> None:
    drop = tmp_path / "usb"
    drop.mkdir()
    store.install(make_pack("1.0"), trusted)
    shutil.copy(make_pack("1.1"), drop / "library-1.1.hrpack")
    assert [o.installed.version for o in FolderWatch(drop, store, trusted).scan()] == ["1.1"]
    store.rollback("test-library")
    # The app restarts (a new watch, nothing remembered): the stick still holds 1.1.
    assert [(o.installed, o.refused) for o in FolderWatch(drop, store, trusted).scan()] == [(None, "")]
    assert store.current("test-library").version == "1.0"
    shutil.copy(make_pack("1.2"), drop / "library-1.2.hrpack")
    assert [o.installed.version for o in FolderWatch(drop, store, trusted).scan() if o.installed] == ["1.2"]
    # By hand, staff may still go forward to the version they rolled back from.
    store.rollback("test-library")
    assert store.install(make_pack("1.1"), trusted).version == "1.1"


def test_an_unreadable_watched_folder_is_no_error(store, trusted, tmp_path) -> None:
    assert FolderWatch(tmp_path / "not-mounted", store, trusted).scan() == []


def test_keygen_writes_a_private_key_only_its_owner_reads(tmp_path: Path) -> None:
    key = SigningKey.generate("clinic")
    pub = key.save(tmp_path / "clinic.key")
    assert stat.S_IMODE((tmp_path / "clinic.key").stat().st_mode) == 0o600
    assert pub.read_text().startswith("ed25519:") and pub.read_text().strip().endswith(" clinic")
    again = SigningKey.load(tmp_path / "clinic.key")
    assert again.public.raw == key.public.raw
    with pytest.raises(KeyFileError, match="never overwritten"):
        key.save(tmp_path / "clinic.key")


def test_trusted_keys_come_from_the_policy_and_the_keys_folder(tmp_path: Path) -> None:
    a, b = SigningKey.generate("a"), SigningKey.generate("b")
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    (keys_dir / "b.pub").write_text(b.public.line() + "\n", encoding="ascii")
    (keys_dir / "junk.pub").write_text("ssh-rsa AAAA not ours\n", encoding="ascii")
    keys, problems = trusted_keys([a.public.line(), "ed25519:short"], keys_dir)
    assert set(keys) == {a.public.id, b.public.id}
    assert len(problems) == 2 and "junk.pub" in problems[1]
    assert parse_public_key(a.public.line()).id == a.public.id


def test_a_private_key_that_is_not_one_is_refused_with_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "x.key").write_text("hello", encoding="ascii")
    with pytest.raises(KeyFileError, match="not an unencrypted PEM private key"):
        SigningKey.load(tmp_path / "x.key")
