"""A screen reader's view of HealthReader, read from the AT-SPI bus; prints JSON.

Run by the system Python (``/usr/bin/python3``), which has Debian's pyatspi; the project's venv does
not, and must not need it.  Commands (one per run, the app already on the bus):

    tree                      the application's objects that are showing, with role, name,
                              description, states and text
    keys KEY...               press keys (``Tab``, ``Return``, ``ctrl+d``, ``shift+Tab``) one after
                              another and print, for each, the focused object and the events
                              (focus, caret, announcements, notifications shown) that followed it
    settext NAME TEXT         put TEXT in the editable object named NAME, as a speech-input tool does
"""

from __future__ import annotations

import ctypes
import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

APP_NAME = "HealthReader"
MODIFIERS = {"ctrl": 1 << 2, "shift": 1 << 0, "alt": 1 << 3}
EVENTS = (
    "object:state-changed",
    "focus:",
    "object:text-caret-moved",
    "object:announcement",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)


def application() -> Atspi.Accessible:
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == APP_NAME:
            return app
    raise SystemExit(json.dumps({"error": f"{APP_NAME} is not on the accessibility bus"}))


def states(obj: Atspi.Accessible) -> list[str]:
    return sorted(Atspi.StateType(s).value_nick for s in obj.get_state_set().get_states())


def describe(obj: Atspi.Accessible, with_text: bool = True) -> dict:
    d = {
        "role": obj.get_role_name(),
        "name": obj.get_name(),
        "description": obj.get_description(),
        "states": states(obj),
        "interfaces": list(obj.get_interfaces()),
    }
    text = obj.get_text_iface() if with_text else None
    if text is not None:
        d["text"] = Atspi.Text.get_text(text, 0, -1)
        d["caret"] = Atspi.Text.get_caret_offset(text)
    return d


def tree(obj: Atspi.Accessible, depth: int = 0) -> dict:
    d = describe(obj)
    children = []
    for i in range(obj.get_child_count()):
        child = obj.get_child_at_index(i)
        if child is None:
            continue
        st = child.get_state_set()
        if depth < 1 or st.contains(Atspi.StateType.SHOWING):
            children.append(tree(child, depth + 1))
    if children:
        d["children"] = children
    return d


def find(obj: Atspi.Accessible, name: str) -> Atspi.Accessible | None:
    if obj.get_name() == name and obj.get_editable_text_iface() is not None:
        return obj
    for i in range(obj.get_child_count()):
        child = obj.get_child_at_index(i)
        found = find(child, name) if child is not None else None
        if found is not None:
            return found
    return None


def pump(seconds: float) -> None:
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def press(spec: str) -> None:
    *mods, key = spec.split("+")
    mask = sum(MODIFIERS[m.lower()] for m in mods)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(_keysym(key), None, Atspi.KeySynthType.SYM)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def _keysym(key: str) -> int:
    named = {"Tab": 0xFF09, "Return": 0xFF0D, "Escape": 0xFF1B, "Down": 0xFF54, "Up": 0xFF52,
             "Left": 0xFF51, "Right": 0xFF53, "Home": 0xFF50, "End": 0xFF57, "F6": 0xFFC3, "F9": 0xFFC6, "space": 0x20, "equal": 0x3D}  # fmt: skip
    if key in named:
        return named[key]
    if key == "ISO_Left_Tab":
        return 0xFE20
    return ord(key.lower())


def activate_window() -> None:
    """Give the app's window the keyboard, as a window manager does when a window is clicked.

    The test screen has no window manager, and Qt only reports focus changes to the bus for widgets
    in the active window.  The largest mapped top-level window is the main window.
    """
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        raise SystemExit(json.dumps({"error": "cannot open the X display"}))
    root = x11.XDefaultRootWindow(display)
    root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
    children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 4
    x11.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret), ctypes.byref(children),
                   ctypes.byref(count))  # fmt: skip

    class Attributes(ctypes.Structure):
        _fields_ = [(n, ctypes.c_int) for n in ("x", "y", "width", "height", "border_width", "depth")] + [
            ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong)] + [
            (n, ctypes.c_int) for n in ("class_", "bit_gravity", "win_gravity", "backing_store")] + [
            ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
            ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int)] + [
            ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
            ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
            ("screen", ctypes.c_void_p)]  # fmt: skip

    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    best, area = 0, 0
    for i in range(count.value):
        attrs = Attributes()
        x11.XGetWindowAttributes(display, children[i], ctypes.byref(attrs))
        if attrs.map_state == 2 and not attrs.override_redirect and attrs.width * attrs.height > area:
            best, area = children[i], attrs.width * attrs.height
    if best:
        x11.XRaiseWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
        x11.XRaiseWindow(display, best)
        x11.XSetInputFocus(display, best, 2, 0)  # RevertToParent, CurrentTime
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay(display)


def keys(specs: list[str], wait: float) -> list[dict]:
    log: list[dict] = []

    def on_event(event: Atspi.Event) -> None:
        if not log:  # before the first key: the window being activated
            return
        showing = event.type == "object:state-changed:showing" and event.detail1
        if (
            event.type.startswith("object:state-changed")
            and not showing
            and (event.type != "object:state-changed:focused" or not event.detail1)
        ):
            return
        try:
            source = describe(event.source, with_text=False)
        except GLib.Error:
            source = {}
        if showing and source.get("role") != "notification":
            return
        entry = {"type": event.type, "role": source.get("role"), "name": source.get("name")}
        if event.type == "object:text-caret-moved":
            entry["offset"] = event.detail1
        if event.type == "object:announcement":
            entry["text"] = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
        log[-1]["events"].append(entry)

    listener = Atspi.EventListener.new(on_event)
    for t in EVENTS:
        listener.register(t)
    application()  # fail early and clearly when the app is not there
    activate_window()
    pump(wait)
    for spec in specs:
        log.append({"key": spec, "events": []})
        press(spec)
        pump(wait)
        focused = [e for e in log[-1]["events"] if e["type"] == "object:state-changed:focused"]
        log[-1]["focus"] = focused[-1] if focused else None
    for t in EVENTS:
        listener.deregister(t)
    return log


def main(argv: list[str]) -> None:
    command = argv[0]
    if command == "tree":
        print(json.dumps(tree(application()), ensure_ascii=False))
    elif command == "keys":
        wait = float(argv[1])
        print(json.dumps(keys(argv[2:], wait), ensure_ascii=False))
    elif command == "settext":
        target = find(application(), argv[1])
        if target is None:
            raise SystemExit(json.dumps({"error": f"no editable object named {argv[1]!r}"}))
        Atspi.EditableText.set_text_contents(target.get_editable_text_iface(), argv[2])
        print(json.dumps({"ok": True}))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
