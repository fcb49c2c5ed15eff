#!/bin/sh
# /usr/bin/healthreader: HealthReader is a self-contained bundle under /opt/healthreader (its own
# Python, Qt, library and search index); this puts its command on the PATH without touching it.
exec /opt/healthreader/healthreader "$@"
