"""``healthreader kiosk ...``: what an administrator runs to set up a kiosk, with no display needed.

    healthreader kiosk hash-pin [--stdin]     print the exit_pin_hash line for the policy file
    healthreader kiosk check [--policy FILE]  say whether a policy file is valid and what it sets
    healthreader kiosk preview [--policy FILE] the kiosk in a window, for staff to try a policy

Exit status: 0 done (a valid policy), 1 the policy has problems (the kiosk would start locked with
safe defaults for the bad fields) or there is no policy file, 2 a bad PIN or mismatched entries.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from pathlib import Path

from healthreader.config.kiosk import (
    POLICY_ENV,
    KioskError,
    check_pin_format,
    hash_pin,
    load_policy,
    pin_hash_is_current,
    policy_path,
    unedited_placeholders,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("kiosk", help="set up kiosk mode: hash the exit PIN, check a policy file")
    ksub = p.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    pin = ksub.add_parser("hash-pin", help="print the exit_pin_hash line for a new exit PIN (6-12 digits)")
    pin.add_argument("--stdin", action="store_true", help="read the PIN from the first line of standard input")
    pin.set_defaults(func=run_hash_pin)
    check = ksub.add_parser("check", help="validate a kiosk policy file")
    check.add_argument("--policy", metavar="FILE", help=f"the file to check (default: {policy_path()})")
    check.set_defaults(func=run_check)
    preview = ksub.add_parser("preview", help="show the kiosk in a window that can be closed, to try a policy")
    preview.add_argument("--policy", metavar="FILE", help=f"the policy to try (default: {policy_path()})")
    preview.set_defaults(func=run_preview)


def _read_pin(args: argparse.Namespace) -> str:
    if args.stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("New exit PIN (6-12 digits): ")
    check_pin_format(first)  # say so now rather than after the second entry
    if getpass.getpass("The same PIN again: ") != first:
        raise KioskError("the two PINs differ; nothing was printed")
    return first


def run_hash_pin(args: argparse.Namespace) -> int:
    try:
        line = hash_pin(_read_pin(args))
    except KioskError as exc:
        print(f"healthreader: {exc}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("healthreader: no PIN entered", file=sys.stderr)
        return 2
    print(f'exit_pin_hash = "{line}"')
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.policy) if args.policy else policy_path()
    if not path.exists():
        print(
            f"healthreader: no policy file at {path}: kiosk mode is off (unless started with --kiosk)", file=sys.stderr
        )
        return 1
    policy, problems = load_policy(path)
    parse_problems = len(problems)
    problems = problems + [
        f"{name}: still the example's placeholder {getattr(policy, name)!r}; put the clinic's own, or \"\""
        for name in unedited_placeholders(policy)
    ]
    if policy.exit_pin_hash and not pin_hash_is_current(policy.exit_pin_hash):
        # Still accepted at the pad, so a clinic is not locked out by an upgrade; but weak if the file leaks.
        problems.append(
            "exit_pin_hash: made at an older, cheaper cost (perhaps of a 4-digit PIN); it still works, but run"
            " 'healthreader kiosk hash-pin' again with a PIN of at least 6 digits and put the new line in"
        )
    for problem in problems:
        print(f"problem: {problem}")
    for field in dataclasses.fields(policy):
        if field.name == "preview":
            continue  # how the app is shown, not something the file sets
        if field.name == "exit_pin_hash":
            print(
                "exit PIN: "
                + ("set" if policy.exit_pin_hash else "NOT SET, nobody can leave kiosk mode from the screen")
            )
        else:
            print(f"{field.name} = {getattr(policy, field.name)!r}")
    if problems:
        locked = "; the kiosk starts locked, with safe defaults for those fields" if parse_problems else ""
        print(f"{path}: {len(problems)} problem(s){locked}")
        return 1
    print(f"{path}: valid; kiosk mode is {'on' if policy.enabled else 'off'}")
    return 0


def run_preview(args: argparse.Namespace) -> int:
    """The reader as a kiosk under the policy, in an ordinary window (``--kiosk --windowed``)."""
    if args.policy:
        os.environ[POLICY_ENV] = str(Path(args.policy).resolve())
    from healthreader.ui.app import run_gui  # Qt only when a window is wanted

    args.kiosk = True
    args.windowed = True
    return run_gui(args, [sys.argv[0]])
