"""Every user action, declared once by id: text, shortcuts, icon, tooltip.

Menus and toolbars are built from these ids, and a policy (kiosk mode) can hide or disable any of
them in one place instead of through ``if`` statements in the widgets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

CHECKABLE = frozenset(
    {
        "sidebar",
        "bookmark",
        "large_print",
        "theme_system",
        "theme_light",
        "theme_dark",
        "theme_contrast",
        "large_type",
        "traditional",
    }
)


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[QKeySequence.StandardKey | str, ...] = ()
    icon: QStyle.StandardPixmap | None = None
    tip: str = ""


def specs() -> list[ActionSpec]:
    SP = QStyle.StandardPixmap
    K = QKeySequence.StandardKey
    return [
        ActionSpec(
            "back",
            QCoreApplication.translate("Actions", "Back"),
            (K.Back, "Alt+Left"),
            SP.SP_ArrowBack,
            QCoreApplication.translate("Actions", "Go back (Alt+Left)"),
        ),
        ActionSpec(
            "forward",
            QCoreApplication.translate("Actions", "Forward"),
            (K.Forward, "Alt+Right"),
            SP.SP_ArrowForward,
            QCoreApplication.translate("Actions", "Go forward (Alt+Right)"),
        ),
        ActionSpec(
            "home",
            QCoreApplication.translate("Actions", "Home"),
            ("Alt+Home",),
            SP.SP_DirHomeIcon,
            QCoreApplication.translate("Actions", "The library's home page (Alt+Home)"),
        ),
        ActionSpec(
            "sidebar",
            QCoreApplication.translate("Actions", "Sidebar"),
            ("F9",),
            None,
            QCoreApplication.translate("Actions", "Show or hide the sections and related questions (F9)"),
        ),
        ActionSpec(
            "zoom_in",
            QCoreApplication.translate("Actions", "Larger text"),
            ("Ctrl+=", "Ctrl++", K.ZoomIn),
            None,
            QCoreApplication.translate("Actions", "Larger text (Ctrl+=)"),
        ),
        ActionSpec(
            "zoom_out",
            QCoreApplication.translate("Actions", "Smaller text"),
            ("Ctrl+-", K.ZoomOut),
            None,
            QCoreApplication.translate("Actions", "Smaller text (Ctrl+-)"),
        ),
        ActionSpec(
            "zoom_reset",
            QCoreApplication.translate("Actions", "Normal text size"),
            ("Ctrl+0",),
            None,
            QCoreApplication.translate("Actions", "Normal text size (Ctrl+0)"),
        ),
        ActionSpec(
            "focus_search",
            QCoreApplication.translate("Actions", "Search the library"),
            ("Ctrl+K", "Ctrl+L"),
            None,
            QCoreApplication.translate("Actions", "Search the library (Ctrl+K)"),
        ),
        ActionSpec(
            "find",
            QCoreApplication.translate("Actions", "Find in page"),
            (K.Find, "Ctrl+F"),
            None,
            QCoreApplication.translate("Actions", "Find in this page (Ctrl+F)"),
        ),
        ActionSpec("find_next", QCoreApplication.translate("Actions", "Find next"), (K.FindNext, "F3"), None, ""),
        ActionSpec(
            "find_previous",
            QCoreApplication.translate("Actions", "Find previous"),
            (K.FindPrevious, "Shift+F3"),
            None,
            "",
        ),
        ActionSpec(
            "bookmark",
            QCoreApplication.translate("Actions", "Bookmark"),
            ("Ctrl+D",),
            None,
            QCoreApplication.translate("Actions", "Bookmark this entry, or remove its bookmark (Ctrl+D)"),
        ),
        ActionSpec(
            "show_bookmarks",
            QCoreApplication.translate("Actions", "Bookmarks and history"),
            ("Ctrl+B",),
            None,
            QCoreApplication.translate("Actions", "Show your bookmarks and reading history (Ctrl+B)"),
        ),
        ActionSpec("export_bookmarks", QCoreApplication.translate("Actions", "Export bookmarks…"), (), None, ""),
        ActionSpec("import_bookmarks", QCoreApplication.translate("Actions", "Import bookmarks…"), (), None, ""),
        ActionSpec(
            "print",
            QCoreApplication.translate("Actions", "Print…"),
            (K.Print, "Ctrl+P"),
            None,
            QCoreApplication.translate("Actions", "Print this entry (Ctrl+P)"),
        ),
        ActionSpec("print_preview", QCoreApplication.translate("Actions", "Print preview"), (), None, ""),
        ActionSpec(
            "export_pdf",
            QCoreApplication.translate("Actions", "Export PDF…"),
            (),
            None,
            QCoreApplication.translate("Actions", "Save this entry as a PDF handout"),
        ),
        ActionSpec(
            "large_print",
            QCoreApplication.translate("Actions", "Large print"),
            (),
            None,
            QCoreApplication.translate("Actions", "Print with 16 pt text for easier reading"),
        ),
        ActionSpec(
            "quit",
            QCoreApplication.translate("Actions", "Quit"),
            (K.Quit, "Ctrl+Q"),
            None,
            QCoreApplication.translate("Actions", "Quit HealthReader"),
        ),
        ActionSpec(
            "theme_system",
            QCoreApplication.translate("Actions", "Follow the system colours"),
            (),
            None,
            QCoreApplication.translate("Actions", "Light or dark, as the desktop is set"),
        ),
        ActionSpec("theme_light", QCoreApplication.translate("Actions", "Light"), (), None, ""),
        ActionSpec("theme_dark", QCoreApplication.translate("Actions", "Dark"), (), None, ""),
        ActionSpec(
            "theme_contrast",
            QCoreApplication.translate("Actions", "High contrast"),
            ("Ctrl+Alt+H",),
            None,
            QCoreApplication.translate("Actions", "White and yellow text on black (Ctrl+Alt+H)"),
        ),
        ActionSpec(
            "large_type",
            QCoreApplication.translate("Actions", "Large type"),
            ("Ctrl+Shift+L",),
            None,
            QCoreApplication.translate("Actions", "Bigger menus, buttons and article text (Ctrl+Shift+L)"),
        ),
        ActionSpec(
            "traditional",
            QCoreApplication.translate("Actions", "Traditional characters"),
            ("Ctrl+Shift+T",),
            None,
            QCoreApplication.translate("Actions", "Show the library in traditional characters (Ctrl+Shift+T)"),
        ),
        ActionSpec(
            "read_aloud",
            QCoreApplication.translate("Actions", "Read aloud"),
            ("Ctrl+R",),
            None,
            QCoreApplication.translate("Actions", "Read this entry aloud from the section shown (Ctrl+R)"),
        ),
        ActionSpec(
            "read_pause", QCoreApplication.translate("Actions", "Pause or resume reading"), ("Ctrl+Shift+R",), None, ""
        ),
        ActionSpec("read_stop", QCoreApplication.translate("Actions", "Stop reading"), ("Ctrl+.",), None, ""),
        ActionSpec("read_faster", QCoreApplication.translate("Actions", "Read faster"), ("Ctrl+]",), None, ""),
        ActionSpec("read_slower", QCoreApplication.translate("Actions", "Read slower"), ("Ctrl+[",), None, ""),
        ActionSpec(
            "shortcuts",
            QCoreApplication.translate("Actions", "Keyboard shortcuts"),
            ("F1",),
            None,
            QCoreApplication.translate("Actions", "List every keyboard shortcut (F1)"),
        ),
        ActionSpec("about", QCoreApplication.translate("Actions", "About HealthReader"), (), None, ""),
    ]


class ActionRegistry(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        style = parent.style()
        for spec in specs():
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.id}")
            keys: list[QKeySequence] = []
            for s in spec.shortcuts:
                keys.extend(
                    QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else [QKeySequence(s)]
                )
            unique: list[QKeySequence] = []
            for k in keys:
                if not k.isEmpty() and k not in unique:
                    unique.append(k)
            action.setShortcuts(unique)
            if spec.icon is not None:
                action.setIcon(style.standardIcon(spec.icon))
            action.setIcon(action.icon() if spec.icon is not None else QIcon())
            if spec.tip:
                action.setToolTip(spec.tip)
                action.setStatusTip(spec.tip)
            if spec.id in CHECKABLE:
                action.setCheckable(True)
            parent.addAction(action)  # shortcuts work even when the action is in no visible menu
            self._actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def ids(self) -> Iterable[str]:
        return self._actions.keys()
