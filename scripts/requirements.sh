# Checks (and, as root on Debian or Ubuntu, installs) what the app and its tests need.
# Sourced by the run-*.sh scripts at the top of the repository.

require_java_and_maven() {
    local missing=()
    if ! command -v java >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
        missing+=(openjdk-17-jdk-headless)
    fi
    if ! command -v mvn >/dev/null 2>&1; then
        missing+=(maven)
    fi
    install_or_explain "${missing[@]}"
    local version
    version=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
    if [ "${version:-0}" -lt 17 ] 2>/dev/null; then
        echo "Java 17 or newer is needed; javac reports version ${version}." >&2
        echo "Install it with: sudo apt-get install openjdk-17-jdk-headless" >&2
        exit 1
    fi
}

# JavaFX draws through GTK 3 on Linux; libXtst is needed for keyboard and mouse robots.
require_desktop_libraries() {
    [ "$(uname -s)" = Linux ] || return 0
    local missing=()
    for package in libgtk-3-0 libxtst6; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    install_or_explain "${missing[@]}"
}

# Security keys are reached through the system libfido2 (Debian package libfido2-1).
require_libfido2() {
    [ "$(uname -s)" = Linux ] || return 0
    dpkg -s libfido2-1 >/dev/null 2>&1 || install_or_explain libfido2-1
}

# The NFC tests reach a virtual card through pcscd and vsmartcard's virtual reader driver
# (vpcd); they start pcscd themselves when it is not running.
require_pcsc_test_reader() {
    [ "$(uname -s)" = Linux ] || return 0
    local missing=()
    for package in pcscd vsmartcard-vpcd; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    install_or_explain "${missing[@]}"
}

# Tests open real windows; without a display they run on a virtual one (Xvfb).
require_virtual_display() {
    [ "$(uname -s)" = Linux ] || return 0
    local missing=()
    command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
    command -v xauth >/dev/null 2>&1 || missing+=(xauth)
    install_or_explain "${missing[@]}"
}

install_or_explain() {
    [ "$#" -gt 0 ] || return 0
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        echo "Installing $*" >&2
        if [ -z "${APT_UPDATED:-}" ]; then
            apt-get update -qq
            APT_UPDATED=1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    else
        echo "Missing system packages: $*" >&2
        echo "Install them with: sudo apt-get install $*" >&2
        exit 1
    fi
}

# Writes the runtime class path to target/classpath.txt after compiling. Maven's output is
# shown only when the build fails.
build_class_path() {
    local log
    log=$(mktemp)
    if ! mvn -q -B -DskipTests compile dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "The build failed; see the Maven output above." >&2
        exit 1
    fi
    rm -f "$log"
    CLASS_PATH="target/classes:$(cat target/classpath.txt)"
}
