"""Fixtures for the pack tests: signing keys, a small library in versions, and a packs folder."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from healthreader.packs import PackStore, SigningKey, build_pack
from tests.conftest import TINY_LIBRARY


def set_version(folder: Path, version: str) -> None:
    path = folder / "library.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^version: .*$", f'version: "{version}"', text, flags=re.M), encoding="utf-8")


def edit_body(folder: Path, entry_file: str, extra: str) -> None:
    path = folder / entry_file
    path.write_text(path.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")


def rename_entry(folder: Path, old_file: str, new_id: str) -> Path:
    """Rename an entry as a writer does: new file, new id, the old id under ``moved_from``."""
    old = folder / old_file
    text = old.read_text(encoding="utf-8")
    old_id = re.search(r"^id: (.*)$", text, re.M).group(1).strip()  # type: ignore[union-attr]
    text = re.sub(r"^id: .*$", f"id: {new_id}\nmoved_from: [{old_id}]", text, count=1, flags=re.M)
    new = old.with_name(f"{new_id}.md")
    new.write_text(text, encoding="utf-8")
    old.unlink()
    for other in folder.rglob("*.md"):  # links and related lists follow the rename, as check demands
        t = other.read_text(encoding="utf-8")
        t2 = re.sub(rf"\b{re.escape(old_id)}\b", new_id, t) if other != new else t
        if t2 != t:
            other.write_text(t2, encoding="utf-8")
    return new


@pytest.fixture(scope="session")
def key() -> SigningKey:
    return SigningKey.generate("clinic-group")


@pytest.fixture(scope="session")
def other_key() -> SigningKey:
    return SigningKey.generate("someone-else")


@pytest.fixture
def trusted(key: SigningKey) -> dict:
    return {key.public.id: key.public}


@pytest.fixture
def packs_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "packs"
    monkeypatch.setenv("HEALTHREADER_PACKS_DIR", str(root))
    return root


@pytest.fixture
def store(packs_root: Path) -> PackStore:
    return PackStore(packs_root)


@pytest.fixture
def library_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A fresh copy of the tiny library at a version: ``library_copy("1.0")``."""

    def make(version: str, name: str | None = None) -> Path:
        dest = tmp_path / (name or f"lib-{version}")
        n = 1
        while dest.exists():
            dest, n = tmp_path / f"{name or 'lib-' + version}-{n}", n + 1
        shutil.copytree(TINY_LIBRARY, dest)
        set_version(dest, version)
        return dest

    return make


@pytest.fixture
def make_pack(tmp_path: Path, key: SigningKey, library_copy: Callable[..., Path]) -> Callable[..., Path]:
    """Build a pack of the tiny library at ``version`` (signed by ``key`` unless another is given)."""

    def make(version: str, signer: SigningKey | None = None, folder: Path | None = None) -> Path:
        src = folder or library_copy(version)
        out = tmp_path / "out" / f"test-library-{version}-{(signer or key).public.id}.hrpack"
        build_pack(src, signer or key, out)
        return out

    return make
