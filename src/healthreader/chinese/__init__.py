"""Chinese text work every layer shares: showing simplified-character text in traditional characters.

Plain Python (OpenCC), no Qt: the viewer, print, the command line and search use the same functions.
"""
