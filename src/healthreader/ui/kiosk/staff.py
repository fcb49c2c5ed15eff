"""The staff view behind the kiosk PIN: which library versions were installed when, what the watched
folder refused, and (with the policy's consent) what patients searched for and did not find.

Every count shown is 3 or more (``stats.MIN_SHOWN``); the view shows what the files say and changes
nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from healthreader.paths import InstalledPack
from healthreader.stats import DayCount
from healthreader.stats.store import shown_count
from healthreader.ui.kiosk.updates import DropEvent

if TYPE_CHECKING:
    from healthreader.packs.install import HistoryEvent

STATS_DAYS = 30


def _table(name: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if text.isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    return table


class StaffView(QDialog):
    def __init__(
        self,
        parent: QWidget,
        installed: Sequence[InstalledPack],
        history: Sequence[HistoryEvent],
        drops: Sequence[DropEvent],
        pending: bool,
        frequent: Sequence[DayCount] | None,
        found_nothing: Sequence[DayCount] | None,
    ) -> None:
        """``frequent``/``found_nothing`` are None when the policy does not allow counting."""
        super().__init__(parent)
        self.setObjectName("staffView")
        self.setWindowTitle(self.tr("Staff view"))
        self.setModal(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._library_tab(installed, history, drops, pending), self.tr("Library"))
        self.tabs.addTab(self._searches_tab(frequent, found_nothing), self.tr("Searches"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Back to the reader"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _library_tab(
        self,
        installed: Sequence[InstalledPack],
        history: Sequence[HistoryEvent],
        drops: Sequence[DropEvent],
        pending: bool,
    ) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if installed:
            now = self.tr("In use: %1").replace("%1", ", ".join(f"{p.library_id} {p.version}" for p in installed))
        else:
            now = self.tr("No content pack is installed: the library that came with the app is in use.")
        self.current_label = QLabel(now)
        self.current_label.setObjectName("staffCurrent")
        self.current_label.setWordWrap(True)
        layout.addWidget(self.current_label)
        if pending:
            note = QLabel(self.tr("A newer library is installed; the kiosk switches to it at the next idle reset."))
            note.setObjectName("staffPending")
            note.setWordWrap(True)
            layout.addWidget(note)
        actions = {"install": self.tr("installed"), "rollback": self.tr("rolled back")}
        self.history_table = _table(
            "staffHistory",
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("Library"),
                self.tr("Version"),
                self.tr("Before"),
                self.tr("Entries"),
                self.tr("Key"),
            ],
            [
                [
                    e.when.replace("T", " "),
                    actions.get(e.action, e.action),
                    e.library_id,
                    e.version,
                    e.previous,
                    str(e.entries),
                    e.signer,
                ]
                for e in reversed(history)
            ],
        )
        layout.addWidget(self.history_table, 2)
        if drops:
            layout.addWidget(QLabel(self.tr("From the watched folder:")))
            self.drops_table = _table(
                "staffDrops",
                [self.tr("When"), self.tr("File"), self.tr("Result")],
                [[d.when.replace("T", " "), d.file, d.result] for d in reversed(drops)],
            )
            layout.addWidget(self.drops_table, 1)
        return page

    def _searches_tab(self, frequent: Sequence[DayCount] | None, found_nothing: Sequence[DayCount] | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if frequent is None or found_nothing is None:
            off = QLabel(
                self.tr(
                    "Search statistics are off. The kiosk policy turns them on (search_stats = true) "
                    "only with the clinic's consent."
                )
            )
            off.setObjectName("staffStatsOff")
            off.setWordWrap(True)
            layout.addWidget(off)
            layout.addStretch(1)
            return page
        since = (dt.date.today() - dt.timedelta(days=STATS_DAYS)).isoformat()
        note = QLabel(
            self.tr(
                "The last %1 days, counted on this PC only. Searches made fewer than 3 times are not shown."
            ).replace("%1", str(STATS_DAYS))
        )
        note.setWordWrap(True)
        note.setToolTip(since)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Searches that found nothing (what to write next):")))
        self.nothing_table = _table(
            "staffFoundNothing",
            [self.tr("Search"), self.tr("Found nothing"), self.tr("Searches")],
            [[r.query, shown_count(r.found_nothing), shown_count(r.searches)] for r in found_nothing],
        )
        layout.addWidget(self.nothing_table, 1)
        layout.addWidget(QLabel(self.tr("Most frequent searches:")))
        self.frequent_table = _table(
            "staffFrequent",
            [self.tr("Search"), self.tr("Searches"), self.tr("Found nothing")],
            [[r.query, shown_count(r.searches), shown_count(r.found_nothing)] for r in frequent],
        )
        layout.addWidget(self.frequent_table, 1)
        return page
