"""The kiosk policy without Qt: parsing, locked safe defaults for bad files, the PIN hash, rate limiting."""

from __future__ import annotations

import base64
import doctest
import hashlib
import os
from pathlib import Path

import pytest

from healthreader.config import kiosk
from healthreader.config.kiosk import (
    KioskError,
    KioskPolicy,
    PinGuard,
    hash_pin,
    load_policy,
    parse_policy,
    policy_path,
    verify_pin,
)

GOOD = """
enabled = true
idle_timeout_seconds = 90
countdown_seconds = 10
printing = true
bookmarks = "hidden"
clinic_name = "康复医学科门诊"
clinic_phone = "010-1234 5678"
start_entry = "alpha"
ui_language = "zh_CN"
text_size = 150
"""


def test_doctests() -> None:
    assert doctest.testmod(kiosk).failed == 0


def test_a_good_file_sets_every_field(tmp_path: Path) -> None:
    f = tmp_path / "kiosk.toml"
    f.write_text(GOOD, "utf-8")
    policy, problems = load_policy(f)
    assert problems == []
    assert policy == KioskPolicy(
        True, 90, 10, True, "hidden", "康复医学科门诊", "010-1234 5678", "alpha", "zh_CN", 150, ""
    )
    assert policy.clinic_line == "康复医学科门诊  010-1234 5678"
    assert policy.option_overrides()["zoom_percent"] == 150


def test_no_file_means_no_kiosk(tmp_path: Path) -> None:
    assert load_policy(tmp_path / "absent.toml") == (KioskPolicy(enabled=False), [])


def test_an_empty_file_turns_kiosk_on_with_defaults(tmp_path: Path) -> None:
    f = tmp_path / "kiosk.toml"
    f.write_text("", "utf-8")
    policy, problems = load_policy(f)
    assert policy.enabled and problems == [] and policy.idle_timeout_s == 120 and not policy.printing


def test_enabled_false_without_problems_turns_it_off() -> None:
    policy, problems = parse_policy("enabled = false")
    assert not policy.enabled and problems == []


@pytest.mark.parametrize(
    "text, words",
    [
        ('enabled = false\nidle_timeout_seconds = 90\nclinic_name = "x" "y"', "not valid TOML"),
        ("enabled = false\n[[[", "line 2"),
        ("enabled = false\nidle_timeout_seconds = -5", "idle_timeout_seconds: expected a whole number"),
        ("enabled = false\nidle_timeout_seconds = true", "idle_timeout_seconds"),
        ('enabled = false\nbookmarks = "forever"', "bookmarks: expected one of session, hidden"),
        ("enabled = false\ntext_size = 133", "text_size"),
        ('enabled = false\nexit_pin_hash = "1234"', "exit_pin_hash: expected a line printed by"),
        ("enabled = false\nenabeld = true", "enabeld: not a kiosk setting"),
        ('enabled = "no"', "enabled: expected true or false"),
    ],
)
def test_a_malformed_file_gives_a_locked_policy_and_says_why(text: str, words: str) -> None:
    policy, problems = parse_policy(text)
    assert policy.enabled, "a mistake in the file must never unlock the kiosk"
    assert any(words in p for p in problems), problems
    assert policy.idle_timeout_s in (120, 90) and not policy.printing


def test_one_bad_field_keeps_the_good_ones() -> None:
    policy, problems = parse_policy('clinic_name = "门诊"\ntext_size = 7\nprinting = true')
    assert (policy.clinic_name, policy.text_size, policy.printing) == ("门诊", 125, True)
    assert problems == [
        "text_size: expected one of 70, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, got 7; using 125"
    ]


def test_unreadable_or_binary_files_are_locked(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk.toml"
    folder.mkdir()
    policy, problems = load_policy(folder)
    assert policy.enabled and "cannot read the kiosk policy" in problems[0]
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00junk")
    policy, problems = load_policy(binary)
    assert policy.enabled and "not UTF-8" in problems[0]
    if os.geteuid() != 0:
        secret = tmp_path / "secret.toml"
        secret.write_text("enabled = false", "utf-8")
        secret.chmod(0)
        policy, problems = load_policy(secret)
        assert policy.enabled and "Permission denied" in problems[0]


def test_the_environment_names_the_policy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HEALTHREADER_KIOSK_POLICY", raising=False)
    assert policy_path() == Path("/etc/healthreader/kiosk.toml")
    monkeypatch.setenv("HEALTHREADER_KIOSK_POLICY", str(tmp_path / "p.toml"))
    assert policy_path() == tmp_path / "p.toml"


# --- PIN ---------------------------------------------------------------------------------------------


def test_pin_hash_is_salted_and_verifies() -> None:
    a, b = hash_pin("246813"), hash_pin("246813")
    assert a != b and "246813" not in a
    # scrypt at 2^17: a leaked hash of a 6-digit PIN costs an offline search days of CPU, not minutes.
    assert a.startswith("scrypt$131072$8$1$") and kiosk.pin_hash_is_current(a)
    assert verify_pin("246813", a) and verify_pin("246813", b)
    assert not verify_pin("246814", a) and not verify_pin("", a)
    assert parse_policy(f'exit_pin_hash = "{a}"') == (KioskPolicy(enabled=True, exit_pin_hash=a), [])


def test_older_cheaper_hashes_still_open_the_kiosk_but_are_not_current() -> None:
    # What 'kiosk hash-pin' printed before: a 4-digit PIN at scrypt 2^14.
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"2468", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = "$".join(("scrypt", "16384", "8", "1", base64.b64encode(salt).decode(), base64.b64encode(digest).decode()))
    assert verify_pin("2468", old) and not verify_pin("2469", old)
    assert not kiosk.pin_hash_is_current(old)
    assert parse_policy(f'exit_pin_hash = "{old}"') == (KioskPolicy(enabled=True, exit_pin_hash=old), [])


@pytest.mark.parametrize("pin", ["12345", "1234", "1234567890123", "12a456", "１２３４５６", "", "123 456"])
def test_only_6_to_12_ascii_digits_are_pins(pin: str) -> None:
    with pytest.raises(KioskError):
        hash_pin(pin)


@pytest.mark.parametrize(
    "stored",
    ["", "1234", "scrypt$16384$8$1$!!$!!", "scrypt$1073741824$8$1$c2FsdHNhbHQ=$" + "A" * 44, "bcrypt$x$y$z$w$v"],
)
def test_unusable_hashes_never_verify(stored: str) -> None:
    assert not verify_pin("1234", stored)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_wrong_pins_are_rate_limited_with_doubling_waits(tmp_path: Path) -> None:
    clock, state = Clock(), tmp_path / "pin.json"
    guard = PinGuard(hash_pin("246813"), state, clock=clock)
    assert [guard.attempt("0000").attempts_left for _ in range(2)] == [2, 1]
    third = guard.attempt("0000")
    assert not third.ok and third.wait_s == 30
    # While locked even the right PIN is not looked at.
    assert guard.attempt("246813") == kiosk.PinResult(False, 30)
    clock.now += 30
    assert guard.attempt("1111").wait_s == 60
    clock.now += 60

    # A restart does not buy fresh attempts: the lock-out is on disk.
    again = PinGuard(hash_pin("246813"), state, clock=clock)
    assert again.failures == 4
    assert again.attempt("1111").wait_s == 120
    clock.now += 120
    assert again.attempt("246813").ok
    assert PinGuard(hash_pin("246813"), state, clock=clock).failures == 0


def test_the_wait_is_capped_and_a_damaged_state_file_locks(tmp_path: Path) -> None:
    clock = Clock()
    guard = PinGuard(hash_pin("246813"), clock=clock, max_wait_s=100)
    for _ in range(10):
        clock.now += 1000
        result = guard.attempt("0000")
    assert result.wait_s == 100
    state = tmp_path / "pin.json"
    state.write_text("{not json", "utf-8")
    damaged = PinGuard(hash_pin("246813"), state, clock=clock)
    assert damaged.wait_s() == 30


def test_no_pin_means_nobody_gets_out() -> None:
    guard = PinGuard("")
    assert not guard.has_pin and not guard.attempt("0000").ok


@pytest.mark.parametrize(
    "value, ok",
    [("https://clinic.example/hr/{id}", True), ("", True), ("https://clinic.example/hr/", False),
     ("ftp://x/{id}", False), ("https://x/{id} y", False), (42, False)],
)  # fmt: skip
def test_the_clinic_entry_address_needs_an_id_place(value: object, ok: bool) -> None:
    text = f"entry_url = {value!r}" if isinstance(value, int) else f'entry_url = "{value}"'
    policy, problems = parse_policy(text)
    assert (problems == []) is ok
    assert policy.entry_url == (value if ok else "")
