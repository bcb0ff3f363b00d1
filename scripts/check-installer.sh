#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg (and apt-get for its dependencies), runs the
# installed app's --self-check on a virtual display, checks that the demo portal was left
# out, prints the package size and removes the package again. Any failure fails the script.
# run-tests.sh runs it after the tests.
#
# It needs root on a Debian-like system (dpkg and apt-get); elsewhere, or when
# SKIP_INSTALLER_CHECK=1, it prints one line saying why it skipped the check and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE=advapacs-clinician
INSTALL_DIR=/opt/$PACKAGE

skip() {
    echo "Installer check skipped: $1"
    exit 0
}

if [ "${SKIP_INSTALLER_CHECK:-}" = 1 ]; then
    skip "SKIP_INSTALLER_CHECK=1 is set."
fi
if [ "$(uname -s)" != Linux ]; then
    skip "the .deb check runs on Linux only."
fi
if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    skip "dpkg and apt-get are missing, so this is not a Debian-like system."
fi
if [ "$(id -u)" -ne 0 ]; then
    skip "installing a package needs root; run as root to include it."
fi
# dpkg -s also succeeds for a package that was removed but not purged.
if dpkg -s "$PACKAGE" 2>/dev/null | grep -q '^Status: install ok installed'; then
    skip "$PACKAGE is installed already, and the check would replace and remove it."
fi

export BUILD_DIR=target-installer
bash scripts/package.sh --type deb --fast
deb=$(ls "$BUILD_DIR"/installer/out/"$PACKAGE"_*.deb)

remove_package() {
    echo "Removing $PACKAGE"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PACKAGE" >/dev/null
    dpkg --purge "$PACKAGE" >/dev/null 2>&1
}

echo "Installing $deb"
trap remove_package EXIT
install_log=$(mktemp)
if ! dpkg -i "$deb" >"$install_log" 2>&1; then
    # dpkg leaves the package unconfigured when a dependency is missing; apt-get adds it.
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$install_log" 2>&1 || true
fi
if ! dpkg -s "$PACKAGE" 2>/dev/null | grep -q '^Status: install ok installed'; then
    cat "$install_log" >&2
    rm -f "$install_log"
    echo "$PACKAGE did not install; see the dpkg and apt-get output above." >&2
    exit 1
fi
rm -f "$install_log"
for file in /usr/share/applications/$PACKAGE.desktop \
    /usr/share/metainfo/com.advapacs.clinician.metainfo.xml \
    /usr/share/icons/hicolor/256x256/apps/$PACKAGE.png; do
    if [ ! -f "$file" ]; then
        echo "The package did not install $file." >&2
        exit 1
    fi
done

echo "Running the installed app's self-check"
class_log=$(mktemp)
# Own per-user folders, so that a user settings file left on this computer cannot fail the
# check. A machine-wide file in /etc/advapacs-clinician still counts.
user_home=$(mktemp -d)
XDG_CONFIG_HOME="$user_home/config" XDG_STATE_HOME="$user_home/state" \
    XDG_DATA_HOME="$user_home/data" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$class_log" \
    xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24" \
    "$INSTALL_DIR/bin/$PACKAGE" --self-check
log_file="$user_home/state/$PACKAGE/logs/clinician.log"
if ! grep -q 'AdvaPACS Clinician .* starting' "$log_file" 2>/dev/null; then
    echo "The installed app did not write its start to $log_file." >&2
    exit 1
fi
# An archive that fails validation is skipped silently, so check that it served the classes.
if ! grep -q 'SignInWindow source: shared objects file (top)' "$class_log"; then
    echo "The installed app did not load its classes from the AppCDS archive." >&2
    rm -f "$class_log"
    exit 1
fi
rm -f "$class_log"

echo "Checking that the demo portal was left out"
portal_jars=$(cd "$INSTALL_DIR/lib/app" && ls | grep -E '^(javalin|jetty|h2|webauthn4j)-' || true)
if [ -n "$portal_jars" ]; then
    echo "The package contains the demo portal's libraries: $portal_jars" >&2
    exit 1
fi
demo_status=0
demo_output=$(XDG_CONFIG_HOME="$user_home/config" XDG_STATE_HOME="$user_home/state" \
    XDG_DATA_HOME="$user_home/data" "$INSTALL_DIR/bin/$PACKAGE" --demo 2>&1) || demo_status=$?
if [ "$demo_status" -ne 2 ] || ! grep -q 'not part of this installation' <<<"$demo_output"; then
    echo "$demo_output" >&2
    echo "The installed app given --demo exited with status $demo_status instead of 2 with" \
        "the message that demo mode is not part of this installation." >&2
    exit 1
fi
rm -rf "$user_home"
echo "Installer size: $(wc -c < "$deb" | tr -d ' ') bytes, $(basename "$deb")" \
    "(zstd level 3; a release build with scripts/package.sh uses xz and is smaller)"

trap - EXIT
remove_package
for path in "$INSTALL_DIR" /usr/share/applications/$PACKAGE.desktop \
    /usr/share/metainfo/com.advapacs.clinician.metainfo.xml; do
    if [ -e "$path" ]; then
        echo "Removing the package left $path behind." >&2
        exit 1
    fi
done
echo "Installer check passed: the .deb installed, its self-check passed, and it was removed."
