"""HealthReader: an offline desktop reader for a library of health articles."""

APP_ID = "org.healthreader.HealthReader"
APP_NAME = "HealthReader"
__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it)
