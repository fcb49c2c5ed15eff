"""Bookmarks, notes and reading history: the sidebar panel that lists, filters, sorts and edits them,
and the dialogs that export, import and explain a recovered store. The data lives in ``store``."""
