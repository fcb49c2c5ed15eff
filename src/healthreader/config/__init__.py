"""Options declared once, stored in two JSON files: preferences and session state.

Preferences are what a user chooses (zoom, UI language); session state is what the app remembers for
them (window geometry, splitter, last entry).  Every option has a name, type, default and scope in
``OPTIONS``; reading or writing an undeclared name is a programming error.  The files carry a schema
version; a corrupt file is moved aside (never overwritten) and the defaults are used.
"""

from healthreader.config.settings import OPTIONS, Option, Scope, Settings, SettingsError, SettingsRecovery

__all__ = ["OPTIONS", "Option", "Scope", "Settings", "SettingsError", "SettingsRecovery"]
