"""The real ``healthreader`` in kiosk mode, as a subprocess with its own policy file, checked through its log."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader.config.kiosk import verify_pin
from tests.conftest import ROOT, TINY_LIBRARY

pytestmark = pytest.mark.e2e


def run(
    *args: str, policy: Path, data_dir: Path, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT / "src"),
        HEALTHREADER_KIOSK_POLICY=str(policy),
        XDG_RUNTIME_DIR=str(data_dir.parent / "run"),
    )
    (data_dir.parent / "run").mkdir(mode=0o700, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT,
    )  # fmt: skip


def start_kiosk(*extra: str, policy: Path, data_dir: Path, tmp_path: Path) -> str:
    shot = tmp_path / "kiosk.png"
    proc = run(
        *extra,
        "--no-bundled",
        "--library",
        str(TINY_LIBRARY),
        "--screenshot",
        str(shot),
        policy=policy,
        data_dir=data_dir,
    )
    assert proc.returncode == 0, proc.stderr
    assert shot.exists()
    return (data_dir / "healthreader.log").read_text("utf-8")


def test_a_kiosk_starts_with_the_on_screen_keyboard_and_a_desktop_without(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QT_IM_MODULE", raising=False)  # as an autostart entry starts it: nothing set
    log = start_kiosk("--kiosk", policy=tmp_path / "no-such-policy.toml", data_dir=data_dir, tmp_path=tmp_path)
    assert "kiosk: on-screen keyboard: Qt Virtual Keyboard, zh_CN" in log  # pinyin, on a PC in C
    monkeypatch.setenv("QT_IM_MODULE", "ibus")  # the administrator's own choice is kept
    log = start_kiosk("--kiosk", policy=tmp_path / "no-such-policy.toml", data_dir=data_dir, tmp_path=tmp_path)
    assert log.count("on-screen keyboard") == 1
    monkeypatch.delenv("QT_IM_MODULE")
    proc = run("--no-bundled", "--library", str(TINY_LIBRARY), "--screenshot", str(tmp_path / "desk.png"),
               policy=tmp_path / "no-such-policy.toml", data_dir=data_dir)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert (data_dir / "healthreader.log").read_text("utf-8").count("on-screen keyboard") == 1


def test_kiosk_flag_starts_locked_and_leaves_nothing_behind(data_dir: Path, tmp_path: Path) -> None:
    log = start_kiosk("--kiosk", policy=tmp_path / "no-such-policy.toml", data_dir=data_dir, tmp_path=tmp_path)
    assert "kiosk mode on: locked; idle reset after 120 s, printing off, bookmarks session, exit PIN NOT set" in log
    assert "kiosk policy problem" not in log
    # The reader's session lived in the private folder, now removed; the data folder holds no store.
    assert not (data_dir / "userdata.sqlite3").exists() and not (data_dir / "settings.json").exists()
    assert list((tmp_path / "run").iterdir()) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A good file turns kiosk mode on with its settings.
        ('idle_timeout_seconds = 45\nprinting = true\nstart_entry = "alpha"\nclinic_name = "门诊"\n',
         [r"kiosk mode on: locked; idle reset after 45 s, printing allowed", r"opened entry alpha"]),
        # Malformed TOML (an unclosed string) still starts locked, with safe defaults, and says why.
        ('enabled = false\nidle_timeout_seconds = 90\nclinic_name = "门诊\n',
         [r"kiosk mode on: locked; idle reset after 120 s, printing off",
          r"ERROR healthreader\.ui\.kiosk\.controller: kiosk policy problem: .*kiosk\.toml is not valid TOML .*line 3"]),
        # One wrong field is logged; the good ones are kept, and "enabled = false" does not count.
        ("enabled = false\nidle_timeout_seconds = 60\ntext_size = 7\n",
         [r"kiosk mode on: locked; idle reset after 60 s", r"kiosk policy problem: text_size: expected one of"]),
    ],
    ids=["good", "malformed", "wrong-field"],
)  # fmt: skip
def test_the_policy_file_decides_and_mistakes_stay_locked(
    data_dir: Path, tmp_path: Path, text: str, expected: list[str]
) -> None:
    policy = tmp_path / "kiosk.toml"
    policy.write_text(text, "utf-8")
    log = start_kiosk(policy=policy, data_dir=data_dir, tmp_path=tmp_path)
    for pattern in expected:
        assert re.search(pattern, log), (pattern, log)


def test_no_policy_and_no_flag_is_the_normal_app(data_dir: Path, tmp_path: Path) -> None:
    log = start_kiosk(policy=tmp_path / "absent.toml", data_dir=data_dir, tmp_path=tmp_path)
    assert "kiosk mode" not in log


def test_hash_pin_from_stdin_verifies_and_check_accepts_it(data_dir: Path, tmp_path: Path) -> None:
    proc = run("kiosk", "hash-pin", "--stdin", stdin="314159\n", policy=tmp_path / "x.toml", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    line = proc.stdout.strip()
    m = re.fullmatch(r'exit_pin_hash = "(scrypt\$[^"]+)"', line)
    assert m is not None, line
    assert verify_pin("314159", m[1]) and not verify_pin("314158", m[1])
    policy = tmp_path / "kiosk.toml"
    policy.write_text(line + "\n", "utf-8")
    check = run("kiosk", "check", "--policy", str(policy), policy=tmp_path / "x.toml", data_dir=data_dir)
    assert check.returncode == 0 and "exit PIN: set" in check.stdout and "valid; kiosk mode is on" in check.stdout
    bad = run("kiosk", "hash-pin", "--stdin", stdin="2468\n", policy=tmp_path / "x.toml", data_dir=data_dir)
    assert bad.returncode == 2 and "6 to 12 digits" in bad.stderr and bad.stdout == ""
    # A hash from before the cost went up (4 digits at 2^14) still verifies; the check asks for a new one.
    old = (
        "scrypt$16384$8$1$MDEyMzQ1Njc4OWFiY2RlZg==$"
        + base64.b64encode(hashlib.scrypt(b"2468", salt=b"0123456789abcdef", n=2**14, r=8, p=1, dklen=32)).decode()
    )
    assert verify_pin("2468", old)
    policy.write_text(f'exit_pin_hash = "{old}"\n', "utf-8")
    check = run("kiosk", "check", "--policy", str(policy), policy=tmp_path / "x.toml", data_dir=data_dir)
    assert check.returncode == 1 and "exit PIN: set" in check.stdout, check.stdout
    assert "run 'healthreader kiosk hash-pin' again with a PIN of at least 6 digits" in check.stdout
    policy.write_text("text_size = 7\n", "utf-8")
    check = run("kiosk", "check", policy=policy, data_dir=data_dir)  # the environment names the file
    assert check.returncode == 1 and "problem: text_size" in check.stdout


def test_sigterm_ends_the_kiosk_as_quit_does_and_leaves_no_patient_store(data_dir: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    # A kiosk that died without cleaning up (a power cut): its folder is swept at the next start.
    stale = run_dir / "healthreader-kiosk-999999999-dead"
    stale.mkdir()
    (stale / "patient-1.sqlite3").write_bytes(b"last patient")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT / "src"),
        HEALTHREADER_KIOSK_POLICY=str(tmp_path / "absent.toml"),
        XDG_RUNTIME_DIR=str(run_dir),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data_dir), "--kiosk", "--no-bundled",
         "--library", str(TINY_LIBRARY)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    log_file = data_dir / "healthreader.log"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if log_file.exists() and "window shown" in log_file.read_text("utf-8"):
                break
            time.sleep(0.1)
        else:
            pytest.fail("the kiosk never showed its window")
        folders = list(run_dir.iterdir())
        assert len(folders) == 1 and folders[0].name.startswith(f"healthreader-kiosk-{proc.pid}-"), folders
        assert list(folders[0].glob("patient-*.sqlite3")), "the patient's store lives in the session folder"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.stderr.read()
    assert "SIGTERM received: quitting as Quit does" in log_file.read_text("utf-8")
    assert list(run_dir.iterdir()) == []


@pytest.mark.parametrize("how", [("kiosk", "preview", "--policy"), ("--kiosk", "--windowed")], ids=["command", "flags"])
def test_preview_shows_the_policy_in_a_touch_sized_window(data_dir: Path, tmp_path: Path, how: tuple[str, ...]) -> None:
    policy = tmp_path / "kiosk.toml"
    policy.write_text('clinic_name = "康复门诊"\nidle_timeout_seconds = 45\n', "utf-8")
    shot = tmp_path / "preview.png"
    common = ("--no-bundled", "--library", str(TINY_LIBRARY), "--screenshot", str(shot))
    args = (*common, *how, str(policy)) if how[0] == "kiosk" else (*how, *common)
    env_policy = tmp_path / "absent.toml" if how[0] == "kiosk" else policy
    proc = run(*args, policy=env_policy, data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    log = (data_dir / "healthreader.log").read_text("utf-8")
    assert "kiosk mode on: locked; idle reset after 45 s" in log
    assert "kiosk preview: in a 1280x800 window staff can close" in log
    assert re.search(r"window shown in \d+ ms .*: .* (\(kiosk preview\)|（自助机预览）)", log), log
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])  # the PNG's IHDR
    assert (width, height) == (1280, 800)
