"""The Qt user interface.  The only package that imports PySide6; ``app.run_gui`` is the entry."""
