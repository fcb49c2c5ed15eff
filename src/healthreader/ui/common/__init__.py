"""What every feature of the window shares: the action registry (ids, labels, shortcuts), the
translated page labels, the search request the reader and search feature exchange, loading the
translations, and picking the Chinese font. Nothing here knows any one feature."""
