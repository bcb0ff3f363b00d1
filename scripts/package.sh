#!/usr/bin/env bash
# Builds the installer of AdvaPACS Clinician for the system it runs on: .deb (and .rpm when
# rpmbuild is installed) on Linux, .msi on Windows, .dmg and .pkg on macOS.
#
# It builds the jars with Maven and stages them with JavaFX's and JNA's native libraries
# unpacked beside them. It makes a jlink runtime with only the JDK modules that jdeps finds,
# then the app image with jpackage. On Linux it records an AppCDS archive from a
# --self-check run of that image. Last, it makes the installers from the app image. The
# jpackage options come from com.advapacs.clinician.packaging.JpackageArguments, which has
# unit tests for every system.
#
# Usage: scripts/package.sh [options]
#   --type TYPE         build only this installer type (deb, rpm, msi, dmg or pkg)
#   --libfido2 PATH     libfido2 to bundle on Windows (fido2.dll) or macOS (libfido2.dylib);
#                       the DLLs or dylibs it links to must sit in the same folder
#   --no-cds            skip the AppCDS archive
#   --fast              compress the .deb with zstd level 3 instead of xz level 6, which
#                       dpkg-deb takes minutes for; for tests, not for release
#   --built DIR         use the jars Maven already built in DIR (the installer profile)
# Environment: BUILD_DIR, the Maven build folder (default target-pkg); JAVA_HOME, the JDK
# whose jlink and jpackage are used (default: the JDK of the java on PATH).
# Writes the installers to $BUILD_DIR/installer/out and prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/requirements.sh
. scripts/packaging-steps.sh

types=""
libfido2=""
cds=true
fast=false
built=""
while [ "$#" -gt 0 ]; do
    case "$1" in
        --type) types="${2:?--type needs a value, e.g. --type deb}"; shift 2 ;;
        --libfido2) libfido2="${2:?--libfido2 needs the path of the library}"; shift 2 ;;
        --no-cds) cds=false; shift ;;
        --fast) fast=true; shift ;;
        --built) built="${2:?--built needs the Maven build folder}"; shift 2 ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "Unknown option '$1'. Run scripts/package.sh --help for the options." >&2
           exit 2 ;;
    esac
done

os=$(target_os)
if [ -z "$types" ]; then
    types=$(default_installer_types "$os")
fi
if [ "$os" = linux ]; then
    require_linux_packaging_tools "$types"
elif [ -z "$libfido2" ]; then
    echo "On $os the installer bundles libfido2: pass --libfido2 PATH (see README.md," >&2
    echo "section Installers, for where to get it)." >&2
    exit 2
fi

build_dir=${BUILD_DIR:-target-pkg}
if [ -n "$built" ]; then
    build_dir=$built
else
    require_java_and_maven
    build_jars "$build_dir"
fi
work=$build_dir/installer
version=$(project_version)

stage_input "$work" "$build_dir" "$os" "$libfido2"
make_runtime "$work" "$APP_EXTRA_MODULES"
native_library=-
if [ -n "$libfido2" ]; then
    native_library=$(basename "$libfido2")
fi
make_app_image "$work" "$os" "$version" "$native_library"
if [ "$os" = linux ] && [ "$cds" = true ]; then
    record_cds_archive "$work"
fi
for type in $types; do
    make_installer "$work" "$os" "$version" "$native_library" "$type" "$fast"
done
report_sizes "$work/out"
