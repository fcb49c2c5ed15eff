"""The kiosk policy's pack and statistics keys: off by default, each bad value a problem that locks."""

from __future__ import annotations

from healthreader.config.kiosk import KioskPolicy, parse_policy


def test_defaults_trust_no_key_watch_no_folder_and_count_nothing() -> None:
    policy = KioskPolicy()
    assert (policy.trusted_keys, policy.pack_folder, policy.search_stats) == ((), "", False)


def test_the_keys_are_read() -> None:
    policy, problems = parse_policy(
        'trusted_keys = ["ed25519:AAAA clinic"]\npack_folder = "/media/usb"\nsearch_stats = true'
    )
    assert problems == []
    assert (policy.trusted_keys, policy.pack_folder, policy.search_stats) == (
        ("ed25519:AAAA clinic",),
        "/media/usb",
        True,
    )


def test_bad_values_fall_back_and_say_so() -> None:
    policy, problems = parse_policy('trusted_keys = "ed25519:AAAA"\npack_folder = "usb"\nsearch_stats = "yes"')
    assert (policy.trusted_keys, policy.pack_folder, policy.search_stats) == ((), "", False)
    assert [p.split(":")[0] for p in problems] == ["trusted_keys", "pack_folder", "search_stats"]
    assert policy.enabled
