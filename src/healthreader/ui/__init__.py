"""The Qt user interface: the only package that imports PySide6.

``app.py`` is the one composition root (``app.run_gui`` is the entry): it builds the services and the
features and wires them together with signals. One package per feature: ``reader`` (the window,
viewer, sidebar, navigation), ``search``, ``bookmarks``, ``printing``, ``kiosk``, ``access``; ``common``
holds what they share. Reader, search, bookmarks and printing never import one another; kiosk and
access act on the window from above (import-linter keeps both rules).
"""
