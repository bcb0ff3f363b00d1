#!/usr/bin/env bash
# Starts AdvaPACS Clinician. Without arguments it starts in demo mode, with a portal
# running inside the app; pass --portal URL to sign in to a real portal instead.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/requirements.sh
require_java_and_maven
require_desktop_libraries
require_libfido2
build_class_path
if [ "$#" -eq 0 ]; then
    set -- --demo
fi
exec java -cp "$CLASS_PATH" com.advapacs.clinician.app.Main "$@"
