"""Search in the window: the toolbar's search box with its drop-down of suggestions, and the controller
that runs the search service on a worker thread (index opening, suggestions, results) and hands the
newest answers back as signals. The results page itself is rendered by ``render.results``."""
