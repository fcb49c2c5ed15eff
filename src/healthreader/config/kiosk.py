"""The kiosk policy: what a clinic's administrator decides for a waiting-room PC, read from one file.

The policy is a small TOML file the administrator owns (``/etc/healthreader/kiosk.toml``, or the file
named by ``HEALTHREADER_KIOSK_POLICY``), read once at start.  Its mere presence turns kiosk mode on;
a file that cannot be read or understood never yields an unlocked app: it yields a *locked* policy
with safe defaults and a list of plain problems for the screen and the log.

    >>> policy, problems = parse_policy('idle_timeout_seconds = 90\\nclinic_name = "康复门诊"')
    >>> policy.enabled, policy.idle_timeout_s, policy.clinic_name, problems
    (True, 90, '康复门诊', [])
    >>> policy, problems = parse_policy('idle_timeout_seconds = "soon"')
    >>> policy.enabled, policy.idle_timeout_s
    (True, 120)
    >>> print(problems[0])
    idle_timeout_seconds: expected a whole number of seconds from 1 to 86400, got 'soon'; using 120

The exit PIN is stored only as a salted scrypt hash (``hash_pin``/``verify_pin``), and ``PinGuard``
rate-limits wrong PINs, remembering the lock-out in a small file so a restart does not reset it.
Plain Python, no Qt: the command line checks policies and hashes PINs with no display.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthreader.config.bounded import BoundedFileError, decode_text, loads_toml, read_bounded, read_json
from healthreader.config.settings import ZOOM_STEPS

log = logging.getLogger(__name__)

SYSTEM_POLICY_PATH = Path("/etc/healthreader/kiosk.toml")
POLICY_ENV = "HEALTHREADER_KIOSK_POLICY"

BOOKMARK_MODES = ("session", "hidden")
LANGUAGES = ("auto", "zh_CN", "en")
#: Six digits at least: a million PINs, where four were ten thousand an offline search tries in minutes.
PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12
#: A policy is a dozen lines; anything near this size is not one an administrator wrote.
MAX_POLICY_BYTES = 64 * 1024
#: Every setting is a plain value at the top level; a little room for future tables.
MAX_POLICY_DEPTH = 4

# scrypt cost: about 0.4 s and 128 MB a try on a small PC, so a stolen policy file's million
# 6-digit PINs cost days of CPU.  Hashes made at the older 2^14 still verify; see pin_hash_is_current.
_SCRYPT_N = 2**17
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCRYPT_LEN = 32
_HASH_PREFIX = "scrypt"


class KioskError(Exception):
    """Base of the kiosk policy's errors (a PIN that is not a PIN, an unusable hash)."""


@dataclass(frozen=True)
class KioskPolicy:
    """The administrator's decisions.  Defaults are the safe ones a broken file falls back to."""

    enabled: bool = False
    idle_timeout_s: int = 120
    countdown_s: int = 15
    printing: bool = False  # paper costs money: off unless the administrator allows it
    bookmarks: str = "session"  # "session": kept until the next reset; "hidden": no bookmarks at all
    clinic_name: str = ""
    clinic_phone: str = ""
    start_entry: str = ""  # an entry id; "" for the library's home page
    ui_language: str = "auto"
    # Article zoom in percent: larger than the desktop's for a touch screen; printed handouts grow with it past 125.
    text_size: int = 125
    exit_pin_hash: str = ""  # "" means nobody can leave from the screen
    trusted_keys: tuple[str, ...] = ()  # public keys ("ed25519:...") whose content packs may be installed
    pack_folder: str = ""  # a folder (USB stick, shared folder) watched for new packs; "" watches none
    search_stats: bool = False  # count searches locally (per day, nothing personal): only with consent
    entry_url: str = ""  # the clinic's web page for an entry ("{id}" in it), in the handout's QR code
    preview: bool = False  # in a window staff can close, to try a policy (``kiosk preview``); never from the file

    def locked(self) -> KioskPolicy:
        """The same policy with kiosk mode forced on (``--kiosk``, or a policy with problems)."""
        return dataclasses.replace(self, enabled=True)

    def previewed(self) -> KioskPolicy:
        """The same policy shown in an ordinary window (``kiosk preview``, ``--kiosk --windowed``)."""
        return dataclasses.replace(self, enabled=True, preview=True)

    @property
    def clinic_line(self) -> str:
        """The clinic's name and phone on one line, for the banner and the printouts' header."""
        return "  ".join(part for part in (self.clinic_name, self.clinic_phone) if part)

    def option_overrides(self) -> dict[str, Any]:
        """The user options this policy decides, by option name (see ``config.settings.OPTIONS``)."""
        return {
            "zoom_percent": self.text_size,
            "ui_language": self.ui_language,
            "print_header": self.clinic_line,
            "large_print": False,
        }


@dataclass(frozen=True)
class _Field:
    key: str  # the name in the TOML file
    attr: str  # the KioskPolicy attribute
    expected: str  # words for the problem message
    check: Callable[[Any], bool]


def _whole(low: int, high: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _text(max_len: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and len(v) <= max_len and "\n" not in v


_FIELDS = (
    _Field("enabled", "enabled", "true or false", lambda v: isinstance(v, bool)),
    _Field("idle_timeout_seconds", "idle_timeout_s", "a whole number of seconds from 1 to 86400", _whole(1, 86400)),
    _Field("countdown_seconds", "countdown_s", "a whole number of seconds from 1 to 300", _whole(1, 300)),
    _Field("printing", "printing", "true or false", lambda v: isinstance(v, bool)),
    _Field("bookmarks", "bookmarks", "one of " + ", ".join(BOOKMARK_MODES), lambda v: v in BOOKMARK_MODES),
    _Field("clinic_name", "clinic_name", "a line of text (at most 80 characters)", _text(80)),
    _Field("clinic_phone", "clinic_phone", "a line of text (at most 40 characters)", _text(40)),
    _Field("start_entry", "start_entry", "an entry id such as \"emg-guide\"", _text(200)),
    _Field("ui_language", "ui_language", "one of " + ", ".join(LANGUAGES), lambda v: v in LANGUAGES),
    _Field("text_size", "text_size", "one of " + ", ".join(map(str, ZOOM_STEPS)), lambda v: v in ZOOM_STEPS and not isinstance(v, bool)),
    _Field("exit_pin_hash", "exit_pin_hash", "a line printed by 'healthreader kiosk hash-pin'", lambda v: isinstance(v, str) and (v == "" or _parse_hash(v) is not None)),
    _Field("trusted_keys", "trusted_keys", "a list of public key lines printed by 'healthreader pack keygen' (at most 50)", lambda v: isinstance(v, list) and len(v) <= 50 and all(isinstance(k, str) and k.startswith("ed25519:") and len(k) <= 200 for k in v)),
    _Field("pack_folder", "pack_folder", "an absolute folder path such as \"/media/usb\"", lambda v: isinstance(v, str) and (v == "" or v.startswith("/")) and len(v) <= 400 and "\n" not in v),
    _Field("search_stats", "search_stats", "true or false", lambda v: isinstance(v, bool)),
    _Field("entry_url", "entry_url", "a web address with {id} in it, such as \"https://clinic.example/hr/{id}\"", lambda v: isinstance(v, str) and (v == "" or (v.startswith(("https://", "http://")) and "{id}" in v and len(v) <= 300 and not any(c.isspace() for c in v)))),
)  # fmt: skip


PLACEHOLDER_MARK = "请填写"  # the example policy's placeholders ("请填写诊所名称") start with it


def unedited_placeholders(policy: KioskPolicy) -> list[str]:
    """Fields still holding the example file's placeholder text: an administrator copied it unedited."""
    return [name for name in ("clinic_name", "clinic_phone") if PLACEHOLDER_MARK in getattr(policy, name)]


def _shown(value: Any, limit: int = 60) -> str:
    """A value as the problem list quotes it: a 60 KB clinic name must not become a 60 KB label."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def policy_path() -> Path:
    """The policy file to read: ``$HEALTHREADER_KIOSK_POLICY`` when set (tests, odd installs), else /etc."""
    env = os.environ.get(POLICY_ENV)
    return Path(env) if env else SYSTEM_POLICY_PATH


def parse_policy(text: str, source: str = "kiosk policy") -> tuple[KioskPolicy, list[str]]:
    """Parse a policy file's text.  A file exists, so kiosk mode is on unless it says ``enabled = false``
    and has no problems; any problem locks it, and each bad field falls back to its safe default."""
    defaults = KioskPolicy(enabled=True)
    try:
        doc = loads_toml(text, max_depth=MAX_POLICY_DEPTH)
    except BoundedFileError as exc:
        return defaults, [f"{source} {exc}; using the safe defaults"]
    values: dict[str, Any] = {}
    problems: list[str] = []
    known = {f.key: f for f in _FIELDS}
    for key, value in doc.items():
        spec = known.get(key)
        if spec is None:
            name = key if len(key) <= 60 else key[:59] + "…"
            problems.append(f"{name}: not a kiosk setting (misspelt?); ignored")
        elif not spec.check(value):
            default = getattr(defaults, spec.attr)
            problems.append(f"{key}: expected {spec.expected}, got {_shown(value)}; using {default!r}")
        else:
            values[spec.attr] = tuple(value) if isinstance(value, list) else value
    policy = dataclasses.replace(defaults, **values)
    if problems:
        policy = policy.locked()  # a mistake in the file must not unlock the kiosk
    return policy, problems


def load_policy(path: Path | None = None) -> tuple[KioskPolicy, list[str]]:
    """The policy at ``path`` (default ``policy_path()``) and its problems; no file: kiosk mode off."""
    path = path or policy_path()
    try:
        text = decode_text(read_bounded(path, MAX_POLICY_BYTES))
    except FileNotFoundError:
        return KioskPolicy(enabled=False), []
    except BoundedFileError as exc:
        # The file is there, so a kiosk was meant: locked, never unlocked by a file that cannot be read.
        cause = exc.__cause__
        if isinstance(cause, OSError):
            problem = f"cannot read the kiosk policy {path} ({cause.strerror or cause})"
        else:
            problem = f"the kiosk policy {path} {exc}"
        return KioskPolicy(enabled=True), [problem + "; using the safe defaults"]
    return parse_policy(text, str(path))


# --- the exit PIN ------------------------------------------------------------------------------------


def check_pin_format(pin: str) -> None:
    """Raise ``KioskError`` unless ``pin`` is 6 to 12 digits (what the on-screen pad can type)."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS):
        raise KioskError(f"a PIN is {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    # scrypt needs 128 * r * n bytes: 128 MB at the current cost; more than 256 MB is refused (ValueError).
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=256 * 1024 * 1024)


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$131072$8$1$<salt>$<hash>`` (base64): salted, so equal PINs give different lines."""
    check_pin_format(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _scrypt(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _SCRYPT_LEN)
    return "$".join((_HASH_PREFIX, str(_SCRYPT_N), str(_SCRYPT_R), str(_SCRYPT_P), _b64(salt), _b64(digest)))


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _HASH_PREFIX:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    # Bounds keep a hostile file from asking scrypt for gigabytes or hours.
    if not (
        2 <= n <= 2**20
        and n & (n - 1) == 0
        and 1 <= r <= 32
        and 1 <= p <= 16
        and len(salt) >= 8
        and 16 <= len(digest) <= 64
    ):
        return None
    return n, r, p, salt, digest


def pin_hash_is_current(stored: str) -> bool:
    """Whether ``stored`` was made at today's cost; an older hash still opens the kiosk, but
    ``kiosk check`` asks for a new one (it may also be of a 4-digit PIN, which the check cannot see)."""
    parsed = _parse_hash(stored)
    return parsed is not None and parsed[0] >= _SCRYPT_N and parsed[1] >= _SCRYPT_R


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash; False for an empty or unusable hash, never an error."""
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = _scrypt(pin, salt, n, r, p, len(digest))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, digest)


@dataclass(frozen=True)
class PinResult:
    """The answer to one PIN attempt: ``ok``, else how long to wait before the next try (0: try again)."""

    ok: bool
    wait_s: float = 0.0
    attempts_left: int = 0


class PinGuard:
    """Checks PINs and rate-limits wrong ones: after ``free_attempts`` wrong PINs, each further wrong
    PIN locks the pad for ``base_wait_s`` seconds, doubling each time, up to ``max_wait_s``.

    The count and the lock-out end are kept in ``state_file`` (wall-clock time) when given, so that
    restarting the app, or the PC, does not buy fresh attempts.  A correct PIN clears them.
    """

    def __init__(
        self,
        stored_hash: str,
        state_file: Path | None = None,
        *,
        free_attempts: int = 3,
        base_wait_s: float = 30.0,
        max_wait_s: float = 3600.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._hash = stored_hash
        self._state_file = state_file
        self._free = free_attempts
        self._base = base_wait_s
        self._max = max_wait_s
        self._clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self._load()

    @property
    def has_pin(self) -> bool:
        return _parse_hash(self._hash) is not None

    def wait_s(self) -> float:
        """Seconds until the next attempt is allowed (0 when it is)."""
        return max(0.0, self.locked_until - self._clock())

    def attempt(self, pin: str) -> PinResult:
        wait = self.wait_s()
        if wait > 0:
            return PinResult(False, wait)  # not even checked: no guessing while locked
        if verify_pin(pin, self._hash):
            self.failures, self.locked_until = 0, 0.0
            self._save()
            return PinResult(True)
        self.failures += 1
        over = self.failures - self._free
        if over >= 0:
            self.locked_until = self._clock() + min(self._max, self._base * 2**over)
        self._save()
        log.warning("wrong kiosk exit PIN (%d in a row)", self.failures)
        return PinResult(False, self.wait_s(), max(0, self._free - self.failures))

    def _load(self) -> None:
        if self._state_file is None:
            return
        try:
            doc = read_json(self._state_file, max_bytes=4096, max_depth=2)
            self.failures = max(0, min(int(doc["failures"]), 1000))
            locked_until = float(doc["locked_until"])
            if locked_until != locked_until:  # NaN compares false with every time
                raise ValueError("locked_until is not a number")
            # Never longer than the longest wait this guard imposes, whatever the file says.
            self.locked_until = min(locked_until, self._clock() + self._max)
        except FileNotFoundError:
            return
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            # Only the app writes this file; if it is damaged, err on the locked side.
            log.warning("PIN lock-out state %s unreadable (%s); locking the pad once", self._state_file, exc)
            self.failures = self._free
            self.locked_until = self._clock() + self._base

    def _save(self) -> None:
        if self._state_file is None:
            return
        try:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._state_file.with_name(self._state_file.name + ".tmp")
            tmp.write_text(json.dumps({"failures": self.failures, "locked_until": self.locked_until}), encoding="utf-8")
            os.replace(tmp, self._state_file)
        except OSError as exc:
            log.warning("PIN lock-out state not saved (%s); it holds until the app restarts", exc)
