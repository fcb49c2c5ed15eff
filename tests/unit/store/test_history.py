"""Reading history: one row per entry per day, grouped by day, recently read, cleared."""

from __future__ import annotations

import datetime as dt

from healthreader.store import UserStore

from .conftest import FakeClock


def test_history_grouped_by_day_newest_first(store: UserStore, clock: FakeClock) -> None:
    store.record_visit("a", title="甲")
    store.record_visit("b", "s1", title="乙")
    clock.advance(days=1)
    store.record_visit("c", title="丙")
    store.record_visit("a", "s2", title="甲")
    days = store.history_by_day()
    assert [d.day for d in days] == [dt.date(2026, 3, 11), dt.date(2026, 3, 10)]
    assert [(i.entry_id, i.anchor) for i in days[0].items] == [("a", "s2"), ("c", "")]
    assert [i.entry_id for i in days[1].items] == ["b", "a"]


def test_same_entry_same_day_is_one_row_with_the_latest_time(store: UserStore, clock: FakeClock) -> None:
    store.record_visit("a", title="甲")
    store.record_visit("b", title="乙")
    clock.advance(hours=2)
    last = store.record_visit("a", "later", title="甲")
    assert store.count_history() == 2
    (day,) = store.history_by_day()
    assert day.items[0] == last


def test_days_follow_the_readers_time_zone(store_path, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    shanghai = dt.timezone(dt.timedelta(hours=8))
    clock.now = dt.datetime(2026, 3, 10, 17, 0, tzinfo=dt.UTC)  # already 11 March in Shanghai
    with UserStore.open(store_path, clock=clock, tz=shanghai) as s:
        assert s.record_visit("a", title="甲").day == dt.date(2026, 3, 11)


def test_recent_history_is_distinct_entries(store: UserStore, clock: FakeClock) -> None:
    for _day in range(3):
        for entry in ("a", "b", "c"):
            store.record_visit(entry, title=entry)
        clock.advance(days=1)
    store.record_visit("d", title="d")
    assert [i.entry_id for i in store.recent_history(3)] == ["d", "c", "b"]
    assert [i.entry_id for i in store.recent_history(10)] == ["d", "c", "b", "a"]


def test_history_limit_and_clear(store: UserStore, clock: FakeClock) -> None:
    for n in range(30):
        store.record_visit(f"e{n}", title=str(n))
    assert sum(len(d.items) for d in store.history_by_day(limit=10)) == 10
    store.add_bookmark("keep", title="留着")
    assert store.clear_history() == 30
    assert store.history_by_day() == [] and store.recent_history() == []
    assert store.is_bookmarked("keep")
