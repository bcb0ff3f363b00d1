#!/usr/bin/env bash
# Runs the reference portal backend on its own, or manages its users.
# Examples:
#   ./run-portal.sh --port 8080 --database /var/lib/advapacs/portal
#   ./run-portal.sh --database /var/lib/advapacs/portal --add-user a@b.example \
#       --display-name "Dr A" < password.txt
# Run ./run-portal.sh --help for every option.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/requirements.sh
require_java_and_maven
build_class_path >&2
exec java -cp "$CLASS_PATH" com.advapacs.clinician.server.PortalServerMain "$@"
