"""For every reader: colour themes (light, dark, high contrast), large type, traditional characters,
read aloud, accessible names and the keyboard-shortcuts list, applied to the window from outside."""
