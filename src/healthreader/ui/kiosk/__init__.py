"""Kiosk mode: applies the administrator's policy to the window (locked actions, no way out but the
staff PIN, the clinic banner, direct printing) and resets everything between two readers."""
