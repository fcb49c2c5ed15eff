#!/usr/bin/env bash
# Set up HealthReader on a fresh Debian 12 (or Ubuntu 22.04+) machine:
#   the system libraries Qt needs, a Simplified Chinese font, PDF tools, a virtual screen,
#   then a Python virtual environment in .venv with HealthReader and its test tools.
# Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv python3-pip
  # Qt's own needs (QtGui/QtWidgets, offscreen and X11 platforms), measured on a minimal Debian 12
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxkbcommon-x11-0
  # Simplified Chinese text (Noto Sans CJK SC: proper SC glyph forms and real bold)
  fonts-noto-cjk
  # PDF checks (pdftotext, pdffonts, pdftoppm) and a virtual screen for screenshots
  poppler-utils xvfb xauth
  # a real QR decoder (zbarimg) for the kiosk's QR code tests
  zbar-tools
  # printing: CUPS's clients (lp, lpstat, lpoptions, cancel) follow every job; cupsd and cups-pdf
  # for the printing tests, which start a private print server with PDF queues
  cups cups-client cups-bsd printer-driver-cups-pdf
  libpulse0 speech-dispatcher speech-dispatcher-espeak-ng  # read aloud: QtTextToSpeech needs libpulse0 to load; speechd + espeak-ng speak Mandarin
  # the accessibility tests (tests/a11y): the AT-SPI bus, a private D-Bus session, and the bus client run
  # by the system Python (the venv has no pyatspi)
  at-spi2-core dbus-daemon dbus-x11 python3-gi python3-pyatspi gir1.2-atspi-2.0
  # Orca itself, run by the accessibility tests with its speech logged (no sound device needed)
  orca
)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian-based system: install Qt's libraries and a Simplified Chinese font yourself." >&2
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "HealthReader is set up: start it with .venv/bin/healthreader"
