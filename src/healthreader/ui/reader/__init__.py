"""Reading: the main window and what is always in it, the article viewer, the sidebar of sections and
related entries, back/forward navigation between places, the find bar and the info bar. Other features
(search, bookmarks, printing) are attached to the window by app.py; the window meets them only through
their signals and public methods, never by importing them at run time."""
