"""kiosk.toml as an administrator's editor, a bad copy or an attacker leaves it: a policy file that is
there always yields a locked kiosk (safe defaults for what cannot be read) and a sentence, never an
unlocked app or a window that does not start."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from healthreader.config.kiosk import MAX_POLICY_BYTES, KioskPolicy, load_policy
from tests.hostile.faults import BOUND_S, run_cli, run_window

DEEP = 100_000
LOCKED: dict[str, str | bytes] = {
    "100,000-deep array": "idle_timeout_seconds = " + "[" * DEEP + "]" * DEEP,
    "100,000-deep inline tables": "a = " + "{b = " * DEEP + "1" + "}" * DEEP,
    "100,000 unclosed brackets": "x = " + "[" * DEEP,
    "deep inside a multi-line string is fine, deep outside is not": 'a = """[[[["""\nb = ' + "[" * 50 + "]" * 50,
    "5,000-digit number": "idle_timeout_seconds = " + "9" * 5000,
    "larger than a policy can be": 'clinic_name = "' + "x" * MAX_POLICY_BYTES + '"',
    "not UTF-8": 'clinic_name = "康复"'.encode("gbk"),
    "UTF-16 (another Notepad choice)": 'clinic_name = "康复"'.encode("utf-16"),
    "lone surrogate escape": 'clinic_name = "\\ud800"',
    "duplicate keys": 'clinic_name = "a"\nclinic_name = "b"',
    "a 60 KB clinic name": 'clinic_name = "' + "康" * 20_000 + '"',
    "an unclosed multi-line string": 'clinic_name = """' + '"' * 20_000,
    "20,000 unclosed multi-line strings": 'a = """\n' * 20_000,
    "NUL bytes": 'clinic_name = "a\x00b"',
}


def _write(path: Path, content: str | bytes) -> None:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("case", list(LOCKED))
def test_an_unreadable_policy_locks_the_kiosk_with_a_short_sentence(tmp_path: Path, case: str) -> None:
    f = tmp_path / "kiosk.toml"
    _write(f, LOCKED[case])
    started = time.monotonic()
    policy, problems = load_policy(f)
    assert time.monotonic() - started < BOUND_S
    assert policy.enabled
    assert problems and all(len(p) < 400 for p in problems), problems
    safe = KioskPolicy(enabled=True)
    assert (policy.printing, policy.exit_pin_hash, policy.idle_timeout_s) == (
        safe.printing,
        safe.exit_pin_hash,
        safe.idle_timeout_s,
    )


def test_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    f = tmp_path / "kiosk.toml"
    f.write_bytes('\ufeffclinic_name = "康复门诊"\nidle_timeout_seconds = 90\n'.encode())
    policy, problems = load_policy(f)
    assert problems == []
    assert (policy.enabled, policy.clinic_name, policy.idle_timeout_s) == (True, "康复门诊", 90)


def test_table_headers_and_comments_are_not_nesting(tmp_path: Path) -> None:
    f = tmp_path / "kiosk.toml"
    f.write_text('# [[[[[[[[ a comment\nclinic_name = "[[[[[[[["\n', encoding="utf-8")
    policy, problems = load_policy(f)
    assert problems == [] and policy.clinic_name == "[[[[[[[["


@pytest.mark.parametrize("case", ["100,000-deep array", "5,000-digit number", "larger than a policy can be"])
def test_kiosk_check_and_the_kiosk_window(tmp_path: Path, case: str) -> None:
    f = tmp_path / "kiosk.toml"
    _write(f, LOCKED[case])
    checked = run_cli("kiosk", "check", "--policy", str(f), tiny=False)
    checked.assert_clear(1)
    assert checked.out.startswith("problem: ")
    window = run_window(tmp_path / "data", env={"HEALTHREADER_KIOSK_POLICY": str(f)})
    window.assert_clear(0)
    assert "[screenshot saved]" in window.out
