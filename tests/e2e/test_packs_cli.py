"""``healthreader pack ...``, ``stats export`` and ``content new`` as a clinic's IT person runs them:
the real command in a subprocess, its words and exit status, and what it left on disk."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from healthreader.packs import tree_digest
from healthreader.stats import SearchStats
from tests.conftest import ROOT, TINY_LIBRARY
from tests.unit.packs.conftest import edit_body, rename_entry, set_version

pytestmark = pytest.mark.e2e


def hr(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "healthreader", *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    keys = tmp_path / "etc-keys"
    keys.mkdir()
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src"),
        HEALTHREADER_PACKS_DIR=str(tmp_path / "var-packs"),
        HEALTHREADER_KEYS_DIR=str(keys),
        HEALTHREADER_KIOSK_POLICY=str(tmp_path / "no-policy.toml"),
    )


def test_keygen_build_verify_install_diff_rollback(tmp_path: Path, env: dict[str, str]) -> None:
    keygen = hr("pack", "keygen", "clinic", "--dir", str(tmp_path / "keys"), cwd=tmp_path, env=env)
    assert keygen.returncode == 0, keygen.stderr
    assert 'trusted_keys = ["ed25519:' in keygen.stdout
    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    shutil.copytree(TINY_LIBRARY, v1)
    build = hr(
        "pack",
        "build",
        str(v1),
        "--key",
        str(tmp_path / "keys" / "clinic.key"),
        "-o",
        "v1.hrpack",
        "-q",
        cwd=tmp_path,
        env=env,
    )
    assert build.returncode == 0, build.stderr
    assert "test-library 1.0, 3 entries" in build.stdout

    # Not trusted yet: verify and install refuse, and say which key it was.
    refused = hr("pack", "install", "v1.hrpack", cwd=tmp_path, env=env)
    assert refused.returncode == 1 and "no trusted keys on this computer" in refused.stderr
    untrusted = hr("pack", "verify", "v1.hrpack", cwd=tmp_path, env=env)
    assert untrusted.returncode == 1 and "signed with a key this computer does not trust" in untrusted.stderr
    shutil.copy(tmp_path / "keys" / "clinic.pub", env["HEALTHREADER_KEYS_DIR"])
    ok = hr("pack", "verify", "v1.hrpack", cwd=tmp_path, env=env)
    assert ok.returncode == 0 and "all" in ok.stdout and "files match" in ok.stdout, ok.stderr
    info = hr("pack", "info", "v1.hrpack", cwd=tmp_path, env=env)
    assert "version:   1.0" in info.stdout and "entries:   3 (2 articles, 1 questions)" in info.stdout

    first = hr("pack", "install", "v1.hrpack", cwd=tmp_path, env=env)
    assert first.returncode == 0 and "installed test-library 1.0, 3 entries" in first.stdout, first.stderr
    again = hr("pack", "install", "v1.hrpack", cwd=tmp_path, env=env)
    assert again.returncode == 0 and "already installed; nothing was changed" in again.stdout

    shutil.copytree(TINY_LIBRARY, v2)
    set_version(v2, "1.1")
    edit_body(v2, "articles/gamma.md", "补充的一段。")
    rename_entry(v2, "articles/alpha.md", "alpha-face")
    assert (
        hr(
            "pack", "build", str(v2), "--key", "keys/clinic.key", "-o", "v2.hrpack", "-q", cwd=tmp_path, env=env
        ).returncode
        == 0
    )
    diff = hr("pack", "diff", "v1.hrpack", "v2.hrpack", cwd=tmp_path, env=env)
    assert diff.returncode == 0, diff.stderr
    assert "renamed (1):\n  alpha -> alpha-face" in diff.stdout and "changed (2):" in diff.stdout

    second = hr("pack", "install", "v2.hrpack", cwd=tmp_path, env=env)
    assert "installed test-library 1.1" in second.stdout and "(was 1.0;" in second.stdout
    replay = hr("pack", "install", "v1.hrpack", cwd=tmp_path, env=env)
    assert replay.returncode == 1 and "older than the installed 1.1" in replay.stderr
    back = hr("pack", "rollback", "test-library", cwd=tmp_path, env=env)
    assert back.returncode == 0 and "test-library is back at 1.0 (from 1.1)" in back.stdout
    listing = hr("pack", "list", cwd=tmp_path, env=env)
    assert "test-library 1.0  (previous: 1.1)" in listing.stdout
    assert listing.stdout.count("install ") == 2 and "rollback" in listing.stdout


def test_a_truncated_pack_is_refused_and_nothing_changes(tmp_path: Path, env: dict[str, str]) -> None:
    assert hr("pack", "keygen", "k", "--dir", env["HEALTHREADER_KEYS_DIR"], cwd=tmp_path, env=env).returncode == 0
    key = Path(env["HEALTHREADER_KEYS_DIR"]) / "k.key"
    assert (
        hr(
            "pack", "build", str(TINY_LIBRARY), "--key", str(key), "-o", "p.hrpack", "-q", cwd=tmp_path, env=env
        ).returncode
        == 0
    )
    assert hr("pack", "install", "p.hrpack", cwd=tmp_path, env=env).returncode == 0
    before = tree_digest(Path(env["HEALTHREADER_PACKS_DIR"]))
    data = (tmp_path / "p.hrpack").read_bytes()
    (tmp_path / "cut.hrpack").write_bytes(data[: len(data) * 2 // 3])
    cut = hr("pack", "install", "cut.hrpack", cwd=tmp_path, env=env)
    assert cut.returncode == 1
    assert "refused: cut.hrpack is truncated or damaged (an incomplete copy or download?)" in cut.stderr
    assert "Traceback" not in cut.stderr
    assert tree_digest(Path(env["HEALTHREADER_PACKS_DIR"])) == before


def test_build_refuses_a_library_with_problems_and_says_which(tmp_path: Path, env: dict[str, str]) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(TINY_LIBRARY, lib)
    (lib / "qa" / "broken.md").write_text("---\nid: broken\ntitle: [unclosed\n---\n", encoding="utf-8")
    hr("pack", "keygen", "k", "--dir", str(tmp_path), cwd=tmp_path, env=env)
    out = hr("pack", "build", str(lib), "--key", "k.key", "-o", "x.hrpack", cwd=tmp_path, env=env)
    assert out.returncode == 2 and "broken.md" in out.stderr and "--allow-problems" in out.stderr
    assert not (tmp_path / "x.hrpack").exists()


def test_stats_export_writes_only_counts_of_three_or_more(tmp_path: Path, env: dict[str, str]) -> None:
    data = tmp_path / "data"
    off = hr("--data-dir", str(data), "stats", "export", "--csv", "s.csv", cwd=tmp_path, env=env)
    assert off.returncode == 1 and "counting is off unless the kiosk policy says search_stats = true" in off.stderr
    with SearchStats.open(data / "search-stats.sqlite3", today=lambda: dt.date(2026, 12, 3)) as stats:
        for _ in range(4):
            stats.record("面瘫", 0)
        stats.record("一次的搜索", 2)
    out = hr("--data-dir", str(data), "stats", "export", "--csv", "s.csv", cwd=tmp_path, env=env)
    assert out.returncode == 0 and "wrote 1 row(s)" in out.stdout
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").splitlines() == [
        "day,query,searches,found_nothing",
        "2026-12-03,面瘫,4,4",
    ]


def test_content_new_starts_an_entry_the_library_loads(tmp_path: Path, env: dict[str, str]) -> None:
    lib = tmp_path / "handouts"
    shutil.copytree(TINY_LIBRARY, lib)
    out = hr(
        "content",
        "new",
        "clinic-hours",
        "--type",
        "qa",
        "--title",
        "门诊几点开门？",
        "--library",
        str(lib),
        cwd=tmp_path,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    path = lib / "qa" / "clinic-hours.md"
    assert f"wrote {path}" in out.stdout and "--watch" in out.stdout
    assert "title: 门诊几点开门？" in path.read_text(encoding="utf-8")
    from healthreader.content import load_library

    assert load_library([lib]).find("clinic-hours") is not None
    twice = hr("content", "new", "clinic-hours", "--type", "qa", "--library", str(lib), cwd=tmp_path, env=env)
    assert twice.returncode == 2 and "exists already; nothing was written" in twice.stderr
