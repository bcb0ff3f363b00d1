#!/usr/bin/env bash
# Measures the start of AdvaPACS Clinician beside a bare JavaFX 21 window packaged the same
# way: jlink runtime, native libraries beside the jars, AppCDS archive, .deb by jpackage.
# Both run on one Xvfb display, and it prints both figures and their ratio from that run:
#   - time to first frame: from just before the launcher starts to the first repaint of its
#     window, which JavaFX logs with -Dsun.perflog (epoch milliseconds);
#   - resident memory (VmRSS) 2 s after that first frame;
#   - the size of both .deb packages, compressed the same way.
# The times and memory are the median of --runs runs (default 5), alternating the two. Each
# ratio is also given as the median of the ratios within the runs. Other load on the machine
# sways that one less, because the starts of one run follow each other.
#
# As root with dpkg it measures the installed packages: it installs the bare window's, and
# the app's when it is not installed yet, and removes what it installed afterwards. In each
# run it also starts the bare window from its app image in the build folder. Its AppCDS
# archive does not apply there because it names the installed path, so that third start
# shows the bare window without that archive, still with the JDK's default CDS archive.
# Otherwise it runs the app and the bare window from their app images only.
#
# Usage: scripts/benchmark-startup.sh [--runs N] [--xz]
#   --xz   compress both .deb packages with xz level 6, as a release build does (minutes);
#          by default both use zstd level 3.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/requirements.sh
. scripts/packaging-steps.sh

runs=5
fast=true
while [ "$#" -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --xz) fast=false; shift ;;
        *) echo "Unknown option '$1'. Use --runs N or --xz." >&2; exit 2 ;;
    esac
done

BARE=javafx-bare-window
app_build=target-pkg
bench=target-bench
jdk=$(jdk_home)
require_linux_packaging_tools deb
install_or_explain $(command -v Xvfb >/dev/null 2>&1 || echo xvfb)

installed_app=/opt/$LINUX_NAME/bin/$LINUX_NAME
if [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null 2>&1; then
    mode=installed
else
    mode=build
fi

# The app's .deb and app image, built with the same compression as the bare window's.
app_package_args=(--type deb)
if [ "$fast" = true ]; then
    app_package_args+=(--fast)
fi
BUILD_DIR=$app_build bash scripts/package.sh "${app_package_args[@]}"
app_deb=$(ls "$app_build"/installer/out/"$LINUX_NAME"_*.deb)

echo "Packaging the bare JavaFX window the same way"
work="$bench/installer"
rm -rf "$work"
mkdir -p "$work/input" "$work/plain" "$work/classes"
"$jdk/bin/javac" --release 17 -d "$work/classes" \
    -cp "$(ls "$app_build"/installer/deps/javafx-*-linux.jar | paste -sd: -)" \
    packaging/benchmark/BareWindow.java
"$jdk/bin/jar" --create --file "$work/input/bare-window.jar" -C "$work/classes" .
javafx_jars=()
for jar in "$app_build"/installer/deps/javafx-*-linux.jar; do
    javafx_jars+=("$jar")
done
"$jdk/bin/java" -cp "$app_build/classes" com.advapacs.clinician.packaging.JarNatives split \
    "$(jna_platform linux)" "$work/input" "$work/input" "${javafx_jars[@]}" >/dev/null
"$jdk/bin/java" -cp "$app_build/classes" com.advapacs.clinician.packaging.JarNatives plain \
    "$work/plain" "$work/input/bare-window.jar" "${javafx_jars[@]}"
make_runtime "$work"
"$jdk/bin/jpackage" --type app-image --dest "$work/image" --name "$BARE" \
    --input "$work/input" --main-jar bare-window.jar --main-class BareWindow \
    --runtime-image "$work/runtime" --app-version 1.0
record_cds_archive "$work" "$BARE"
mkdir -p "$work/out"
if [ "$fast" = true ]; then
    export DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=3
fi
"$jdk/bin/jpackage" --type deb --dest "$work/out" --app-image "$work/image/$BARE" \
    --name "$BARE" --linux-package-name "$BARE" --app-version 1.0 \
    --linux-deb-maintainer bench@advapacs.example
bare_deb=$(ls "$work/out/${BARE}"_*.deb)

installed_here=()
xvfb_pid=""
clean_up() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
    fi
    local package
    for package in ${installed_here[@]+"${installed_here[@]}"}; do
        dpkg --purge "$package" >/dev/null 2>&1 || true
    done
}
trap clean_up EXIT

# Installs a .deb, with apt-get adding any missing dependency, and notes it for removal.
install_package() {
    installed_here+=("$1")
    if ! dpkg -i "$2" >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >/dev/null 2>&1
    fi
    dpkg -s "$1" | grep -q '^Status: install ok installed'
}

if [ "$mode" = installed ]; then
    # dpkg -s also succeeds for a package that was removed but not purged.
    if ! dpkg -s "$LINUX_NAME" 2>/dev/null | grep -q '^Status: install ok installed'; then
        install_package "$LINUX_NAME" "$app_deb"
    fi
    echo "App: $LINUX_NAME $(dpkg-query -W -f '${Version}' "$LINUX_NAME"), installed"
    install_package "$BARE" "$bare_deb"
    app_launcher=$installed_app
    bare_launcher=/opt/$BARE/bin/$BARE
    no_appcds_launcher="$work/image/$BARE/bin/$BARE"
else
    app_launcher="$app_build/installer/image/$LINUX_NAME/bin/$LINUX_NAME"
    bare_launcher="$work/image/$BARE/bin/$BARE"
    no_appcds_launcher=""
fi

display_number=97
Xvfb ":$display_number" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display_number"
sleep 1

home="$bench/home"
rm -rf "$home"
mkdir -p "$home"

# Prints "FIRST_FRAME_MS RSS_KB" for one start of LAUNCHER.
measure() {
    local launcher=$1 log start pid first rss waited=0
    log=$(mktemp)
    start=$(date +%s%3N)
    XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" XDG_DATA_HOME="$home/data" \
        JAVA_TOOL_OPTIONS="-Dsun.perflog -Dsun.perflog.fx.firstpaintflush=true" \
        "$launcher" >"$log" 2>&1 &
    pid=$!
    until grep -q 'Scene - first repaint (' "$log"; do
        sleep 0.05
        waited=$((waited + 1))
        if [ "$waited" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
            cat "$log" >&2
            echo "$launcher showed no first frame within 30 s." >&2
            exit 1
        fi
    done
    first=$(grep -m 1 'Scene - first repaint (' "$log" | sed 's/.*: \([0-9]*\)$/\1/')
    sleep 2
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -f "$log"
    echo "$((first - start)) $rss"
}

# Prints the median of the numbers on standard input, one per line.
median() {
    sort -g | awk '{ values[NR] = $1 } END {
        if (NR % 2) { print values[(NR + 1) / 2] }
        else { print (values[NR / 2] + values[NR / 2 + 1]) / 2 } }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# Prints the median of the ratios of two lists of numbers, pair by pair: "1 2 3" "2 2 2".
median_ratio() {
    paste -d ' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") \
        | awk '{ print $1 / $2 }' | median | awk '{ printf "%.2f", $1 }'
}

echo "Measuring $runs starts of each ($mode), alternating"
app_frames=() app_rss=() bare_frames=() bare_rss=() no_appcds_frames=() no_appcds_rss=()
for run in $(seq 1 "$runs"); do
    read -r frame rss < <(measure "$bare_launcher")
    bare_frames+=("$frame")
    bare_rss+=("$rss")
    read -r frame rss < <(measure "$app_launcher")
    app_frames+=("$frame")
    app_rss+=("$rss")
    line="  run $run: app ${app_frames[-1]} ms, ${app_rss[-1]} kB;"
    line+=" bare window ${bare_frames[-1]} ms, ${bare_rss[-1]} kB"
    if [ -n "$no_appcds_launcher" ]; then
        read -r frame rss < <(measure "$no_appcds_launcher")
        no_appcds_frames+=("$frame")
        no_appcds_rss+=("$rss")
        line+="; bare window without AppCDS ${no_appcds_frames[-1]} ms, ${no_appcds_rss[-1]} kB"
    fi
    echo "$line"
done

# Prints "MEDIAN RATIO PER_RUN_RATIO" of the app's values against a bare window's.
compare() {
    local app_values=$1 bare_values=$2 app_median bare_median
    app_median=$(tr ' ' '\n' <<<"$app_values" | median)
    bare_median=$(tr ' ' '\n' <<<"$bare_values" | median)
    echo "$app_median $bare_median $(ratio "$app_median" "$bare_median")" \
        "$(median_ratio "$app_values" "$bare_values")"
}

read -r app_frame bare_frame frame_ratio frame_run_ratio \
    < <(compare "${app_frames[*]}" "${bare_frames[*]}")
read -r app_memory bare_memory memory_ratio memory_run_ratio \
    < <(compare "${app_rss[*]}" "${bare_rss[*]}")
app_size=$(wc -c < "$app_deb")
bare_size=$(wc -c < "$bare_deb")
megabytes() {
    awk -v bytes="$1" -v unit="$2" 'BEGIN { printf "%.1f", bytes / unit }'
}

echo
echo "Start-up of the installed packages ($mode mode), median of $runs runs:"
printf '  %-22s %10s %12s %12s %14s\n' "" "app" "bare window" "app / bare" "per-run ratio"
printf '  %-22s %7.0f ms %9.0f ms %12s %14s\n' "time to first frame" "$app_frame" \
    "$bare_frame" "$frame_ratio" "$frame_run_ratio"
printf '  %-22s %7s MB %9s MB %12s %14s\n' "resident memory" \
    "$(megabytes "$app_memory" 1024)" "$(megabytes "$bare_memory" 1024)" "$memory_ratio" \
    "$memory_run_ratio"
printf '  %-22s %7s MB %9s MB %12s\n' ".deb size" "$(megabytes "$app_size" 1048576)" \
    "$(megabytes "$bare_size" 1048576)" "$(ratio "$app_size" "$bare_size")"
if [ -n "$no_appcds_launcher" ]; then
    read -r app_frame no_appcds_frame frame_ratio frame_run_ratio \
        < <(compare "${app_frames[*]}" "${no_appcds_frames[*]}")
    read -r app_memory no_appcds_memory memory_ratio memory_run_ratio \
        < <(compare "${app_rss[*]}" "${no_appcds_rss[*]}")
    echo "Against the bare window without its AppCDS archive, from the same runs:"
    printf '  %-22s %7.0f ms %9.0f ms %12s %14s\n' "time to first frame" "$app_frame" \
        "$no_appcds_frame" "$frame_ratio" "$frame_run_ratio"
    printf '  %-22s %7s MB %9s MB %12s %14s\n' "resident memory" \
        "$(megabytes "$app_memory" 1024)" "$(megabytes "$no_appcds_memory" 1024)" \
        "$memory_ratio" "$memory_run_ratio"
fi
echo "  .deb compression: $([ "$fast" = true ] && echo "zstd level 3" || echo "xz level 6")"
echo "  runtime modules, app: $(cat "$app_build/installer/modules.txt")"
echo "  runtime modules, bare window: $(cat "$work/modules.txt")"
