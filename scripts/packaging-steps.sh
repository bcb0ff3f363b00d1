# The steps of scripts/package.sh, sourced by it and by scripts/benchmark-startup.sh, which
# packages a bare JavaFX window the same way. Written for bash 3.2 as well, which macOS has.

APP_MAIN_CLASS=com.advapacs.clinician.app.Main
# JDK modules that the app's runtime gets beyond those jdeps finds: java.smartcardio, for
# NFC readers through PC/SC (javax.smartcardio).
APP_EXTRA_MODULES=java.smartcardio
LINUX_NAME=advapacs-clinician
# The AppCDS archive inside the app folder; the launcher maps it at each start.
CDS_ARCHIVE=clinician.jsa

target_os() {
    case "$(uname -s)" in
        Linux) echo linux ;;
        Darwin) echo mac ;;
        MINGW*|MSYS*|CYGWIN*) echo windows ;;
        *) echo "Unsupported system $(uname -s): installers are built on Linux, Windows or" \
               "macOS." >&2
           exit 1 ;;
    esac
}

default_installer_types() {
    case "$1" in
        linux)
            if command -v rpmbuild >/dev/null 2>&1; then
                echo "deb rpm"
            else
                echo deb
            fi ;;
        windows) echo msi ;;
        mac) echo "dmg pkg" ;;
    esac
}

# dpkg-deb and fakeroot build the .deb, objcopy strips the runtime's native libraries, and
# the AppCDS run needs libfido2, a display (xvfb-run when there is none) and unshare.
require_linux_packaging_tools() {
    local missing=()
    case " $1 " in
        *" deb "*)
            command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
            command -v fakeroot >/dev/null 2>&1 || missing+=(fakeroot) ;;
    esac
    case " $1 " in
        *" rpm "*) command -v rpmbuild >/dev/null 2>&1 || missing+=(rpm) ;;
    esac
    command -v objcopy >/dev/null 2>&1 || missing+=(binutils)
    command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
    if [ -z "${DISPLAY:-}" ]; then
        command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
        command -v xauth >/dev/null 2>&1 || missing+=(xauth)
    fi
    if command -v dpkg >/dev/null 2>&1; then
        dpkg -s libfido2-1 >/dev/null 2>&1 || missing+=(libfido2-1)
    fi
    install_or_explain "${missing[@]}"
}

# Prints the home of the JDK whose tools package the app: JAVA_HOME, else the JDK of the
# java on PATH (java.home is the JDK's root from Java 9 on).
jdk_home() {
    local home=${JAVA_HOME:-}
    if [ -z "$home" ]; then
        home=$(java -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java\.home = //p' | tr -d '\r')
    fi
    if command -v cygpath >/dev/null 2>&1; then
        home=$(cygpath -u "$home")
    fi
    if [ ! -x "$home/bin/jpackage" ] && [ ! -x "$home/bin/jpackage.exe" ]; then
        echo "No jpackage in $home/bin: set JAVA_HOME to a JDK 17 or newer." >&2
        exit 1
    fi
    echo "$home"
}

# Builds the app jar and copies its run-time dependencies to DIR/installer/deps.
build_jars() {
    local dir=$1 log
    log=$(mktemp)
    echo "Building the jars in $dir"
    rm -rf "$dir/installer/deps"
    if ! mvn -q -B -Pinstaller -Dinstaller.skipScript=true -DskipTests \
        -Dbuild.dir="$(pwd)/$dir" package >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "The build failed; see the Maven output above." >&2
        exit 1
    fi
    rm -f "$log"
}

# Prints the project version without a suffix such as -SNAPSHOT, as jpackage needs digits.
project_version() {
    local version
    version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
    echo "${version%%-*}"
}

# Prints the folder name JNA uses for this platform's jnidispatch library.
jna_platform() {
    local arch
    case "$(uname -m)" in
        x86_64|amd64) arch=x86-64 ;;
        aarch64|arm64) arch=aarch64 ;;
        *) arch=$(uname -m) ;;
    esac
    case "$1" in
        linux) echo "linux-$arch" ;;
        windows) echo "win32-$arch" ;;
        mac) echo "darwin-$arch" ;;
    esac
}

# Fills WORK/input with the app jar, its dependencies without native libraries, those
# libraries beside them, a bundled libfido2 (Windows, macOS) and, on Linux, the files that
# postinst copies to /usr/share. The jars are rewritten with stored entries, which the
# installer's own compression packs much smaller (see JarNatives). Also fills WORK/plain
# with copies for jdeps.
stage_input() {
    local work=$1 build=$2 os=$3 libfido2=$4 jdk classes jar name
    jdk=$(jdk_home)
    classes="$build/classes"
    rm -rf "$work/input" "$work/plain" "$work/app"
    mkdir -p "$work/input" "$work/plain" "$work/app"

    for jar in "$build"/advapacs-clinician-*.jar; do
        cp "$jar" "$work/app/advapacs-clinician.jar"
    done
    local split=() stored=("$work/app/advapacs-clinician.jar") plain=()
    for jar in "$work/deps"/*.jar; do
        name=$(basename "$jar")
        # The JavaFX jars without an OS classifier are empty; the classified ones hold the code.
        if [[ "$name" =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]]; then
            continue
        fi
        case "$name" in
            javafx-*|jna-*) split+=("$jar") ;;
            *) stored+=("$jar") ;;
        esac
        plain+=("$jar")
    done
    "$jdk/bin/java" -cp "$classes" com.advapacs.clinician.packaging.JarNatives split \
        "$(jna_platform "$os")" "$work/input" "$work/input" "${split[@]}"
    "$jdk/bin/java" -cp "$classes" com.advapacs.clinician.packaging.JarNatives store \
        "$work/input" "${stored[@]}"
    "$jdk/bin/java" -cp "$classes" com.advapacs.clinician.packaging.JarNatives plain \
        "$work/plain" "$work/input/advapacs-clinician.jar" "${plain[@]}"

    if [ -n "$libfido2" ]; then
        local folder
        folder=$(dirname "$libfido2")
        cp "$libfido2" "$work/input/"
        # The libraries libfido2 links to (libcbor, OpenSSL's libcrypto, zlib) sit beside it.
        find "$folder" -maxdepth 1 -type f \( -name '*.dll' -o -name '*.dylib' \) \
            -exec cp {} "$work/input/" \;
    fi
    if [ "$os" = linux ]; then
        local size icon_dir
        mkdir -p "$work/input/share/metainfo" "$work/input/share/applications"
        cp packaging/linux/com.advapacs.clinician.metainfo.xml "$work/input/share/metainfo/"
        cp packaging/linux/advapacs-clinician.desktop "$work/input/share/applications/"
        for size in 16 24 32 48 64 128 256 512; do
            icon_dir="$work/input/share/icons/hicolor/${size}x${size}/apps"
            mkdir -p "$icon_dir"
            cp "icons/png/advapacs-clinician-$size.png" "$icon_dir/$LINUX_NAME.png"
        done
    fi
}

# Makes WORK/runtime with jlink from the JDK modules that jdeps finds in WORK/plain, plus
# jdk.crypto.ec, which TLS loads as a service so that no class refers to it, the modules in
# the comma-separated list EXTRA, if given, and a default CDS archive for the JDK's classes.
make_runtime() {
    local work=$1 extra=${2:-} jdk modules strip=()
    jdk=$(jdk_home)
    modules=$(cd "$work/plain" && "$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps \
        --multi-release 17 -q --class-path '*' ./*.jar | tr -d '\r')
    # Each module once, in the order first named.
    modules=$(printf '%s\n' "$modules,jdk.crypto.ec${extra:+,$extra}" | tr ',' '\n' \
        | awk 'NF && !seen[$0]++' | paste -sd, -)
    echo "$modules" > "$work/modules.txt"
    echo "Runtime modules: $modules"
    if [ "$(target_os)" = linux ]; then
        strip=(--strip-native-debug-symbols "objcopy=$(command -v objcopy)")
    fi
    rm -rf "$work/runtime"
    # --generate-cds-archive runs bin/java, so the launchers are removed afterwards.
    "$jdk/bin/jlink" --add-modules "$modules" --output "$work/runtime" --strip-debug \
        --no-header-files --no-man-pages --generate-cds-archive ${strip[@]+"${strip[@]}"} \
        >/dev/null
    local tool
    for tool in jfr jrunscript keytool rmiregistry; do
        rm -f "$work/runtime/bin/$tool" "$work/runtime/bin/$tool.exe"
    done
    # The archive for heaps over 32 GB, which the app never uses.
    find "$work/runtime" -name classes_nocoops.jsa -delete
}

# Prints the jpackage arguments that JpackageArguments makes, one per line.
jpackage_arguments() {
    local work=$1
    shift
    "$(jdk_home)/bin/java" -cp "$work/../classes" \
        com.advapacs.clinician.packaging.JpackageArguments "$@"
}

# Reads lines from standard input into the array named by $1 (bash 3.2 has no mapfile).
read_lines_into() {
    local line
    eval "$1=()"
    while IFS= read -r line; do
        line=${line%$'\r'}
        eval "$1+=(\"\$line\")"
    done
}

make_app_image() {
    local work=$1 os=$2 version=$3 native_library=$4 args
    read_lines_into args < <(jpackage_arguments "$work" app-image "$os" "$version" "$(pwd)" \
        "$work/input" "$work/runtime" - "$work/image" "$native_library")
    rm -rf "$work/image"
    "$(jdk_home)/bin/jpackage" "${args[@]}"
    if [ "$os" = mac ]; then
        add_info_plist_keys "$work/image/AdvaPACS Clinician.app/Contents/Info.plist"
    fi
}

# Adds the keys that jpackage 17 has no option for to the macOS bundle's Info.plist.
add_info_plist_keys() {
    local plist=$1 buddy=/usr/libexec/PlistBuddy
    set_plist_key() {
        "$buddy" -c "Delete :$1" "$plist" >/dev/null 2>&1 || true
        "$buddy" -c "Add :$1 $2 $3" "$plist"
    }
    set_plist_key LSApplicationCategoryType string public.app-category.medical
    set_plist_key LSMinimumSystemVersion string 11.0
    set_plist_key NSHighResolutionCapable bool true
    set_plist_key NSSupportsAutomaticGraphicsSwitching bool true
}

# Records an AppCDS archive of the classes a --self-check run of the launcher NAME (default
# advapacs-clinician) loads, and names it in the launcher's configuration. JDK 17 accepts
# the archive only when the jars are on the same absolute paths as when it was recorded.
# So the run uses the app image at its installed path, /opt/NAME, in a private mount
# namespace that leaves the host's /opt untouched.
record_cds_archive() {
    local work name=${2:-$LINUX_NAME} image home display=() namespace=()
    work=$(cd "$1" && pwd)
    image="$work/image/$name"
    home="$work/cds-home"
    rm -rf "$home" "$image/lib/app/$CDS_ARCHIVE"
    mkdir -p "$home"

    # HotSpot 17 checks each jar's modification time only when the recorded one is not 0
    # (SharedClassPathEntry::validate in filemap.cpp). jpackage and dpkg set new times when
    # they copy the jars, so the archive records 0 and relies on the paths and sizes.
    touch -d @0 "$image"/lib/app/*.jar
    if [ -z "${DISPLAY:-}" ]; then
        display=(xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24")
    fi
    if [ "$(id -u)" -eq 0 ]; then
        namespace=(unshare --mount --propagation private)
    else
        namespace=(unshare --mount --map-root-user --propagation private)
    fi

    echo "Recording the AppCDS archive from a --self-check run of $name"
    if ! "${namespace[@]}" sh -c '
            set -e
            mount -t tmpfs tmpfs /opt
            mkdir "/opt/$1"
            mount --bind "$2" "/opt/$1"
            shift 2
            exec "$@"' sh "$name" "$image" \
        env XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
            XDG_DATA_HOME="$home/data" \
            JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=/opt/$name/lib/app/$CDS_ARCHIVE" \
            ${display[@]+"${display[@]}"} "/opt/$name/bin/$name" --self-check; then
        echo "The --self-check run of the app image failed; see its report above." >&2
        exit 1
    fi

    if [ ! -s "$image/lib/app/$CDS_ARCHIVE" ]; then
        echo "The AppCDS archive was not written to $image/lib/app/$CDS_ARCHIVE." >&2
        exit 1
    fi
    add_java_option "$image/lib/app/$name.cfg" "-XX:SharedArchiveFile=\$APPDIR/$CDS_ARCHIVE"
}

# Adds a JVM option to a jpackage launcher configuration, in its [JavaOptions] section.
add_java_option() {
    local cfg=$1 option=$2 updated
    updated=$(mktemp)
    if grep -q '^\[JavaOptions\]' "$cfg"; then
        awk -v line="java-options=$option" '
            { print }
            /^\[JavaOptions\]/ { print line }' "$cfg" > "$updated"
    else
        { cat "$cfg"; printf '\n[JavaOptions]\njava-options=%s\n' "$option"; } > "$updated"
    fi
    cat "$updated" > "$cfg"
    rm -f "$updated"
}

make_installer() {
    local work=$1 os=$2 version=$3 native_library=$4 type=$5 fast=$6 image args
    case "$os" in
        linux) image="$work/image/$LINUX_NAME" ;;
        windows) image="$work/image/AdvaPACS Clinician" ;;
        mac) image="$work/image/AdvaPACS Clinician.app" ;;
    esac
    read_lines_into args < <(jpackage_arguments "$work" "$type" "$os" "$version" "$(pwd)" \
        "$work/input" "$work/runtime" "$image" "$work/out" "$native_library")
    mkdir -p "$work/out"
    rm -f "$work/out"/*."$type"
    echo "Building the $type installer"
    if [ "$type" = deb ] && [ "$fast" = true ]; then
        DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=3 \
            "$(jdk_home)/bin/jpackage" "${args[@]}"
    else
        "$(jdk_home)/bin/jpackage" "${args[@]}"
    fi
}

report_sizes() {
    local file
    for file in "$1"/*; do
        [ -f "$file" ] || continue
        echo "Installer: $file ($(wc -c < "$file" | tr -d ' ') bytes)"
    done
}
