"""Printing and PDF handouts: laying out an entry (or one section) on paper with header, footer and the
library's disclaimer, the print preview, and the File menu's print/export actions."""
