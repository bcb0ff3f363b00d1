#!/usr/bin/env bash
# Runs every test: unit, portal API over loopback, and UI tests in a real JavaFX window.
# Without a display the UI tests run on a virtual X server (Xvfb). Then, as root on Debian
# or Ubuntu, it checks the .deb installer (scripts/check-installer.sh).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/requirements.sh
require_java_and_maven
require_desktop_libraries
require_libfido2
require_pcsc_test_reader
if [ -z "${DISPLAY:-}" ]; then
    require_virtual_display
    xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" mvn -B verify "$@"
else
    mvn -B verify "$@"
fi
# As root on Debian or Ubuntu: build, install, self-check and remove the .deb.
scripts/check-installer.sh
