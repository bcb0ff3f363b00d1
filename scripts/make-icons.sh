#!/usr/bin/env bash
# Renders the app icon from its vector master, icons/advapacs-clinician.svg, into:
#   icons/png/advapacs-clinician-N.png   N = 16 24 32 48 64 128 256 512 1024
#   icons/advapacs-clinician.ico         Windows, 16 to 256 px
#   icons/advapacs-clinician.icns        macOS, 16 to 1024 px
#   src/main/resources/com/advapacs/clinician/ui/icons/app-N.png   the window icons
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns);
# as root on Debian or Ubuntu it installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/requirements.sh

require_icon_tools() {
    local missing=()
    command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
    command -v icotool >/dev/null 2>&1 || missing+=(icoutils)
    command -v png2icns >/dev/null 2>&1 || missing+=(icnsutils)
    install_or_explain "${missing[@]}"
}

require_icon_tools

master=icons/advapacs-clinician.svg
png_dir=icons/png
window_dir=src/main/resources/com/advapacs/clinician/ui/icons
mkdir -p "$png_dir" "$window_dir"

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --format png "$master" \
        --output "$png_dir/advapacs-clinician-$size.png"
done

png_path() {
    echo "$png_dir/advapacs-clinician-$1.png"
}

# Windows Vista and later read the 256 px entry as PNG, so only that one is stored raw.
icotool --create --output icons/advapacs-clinician.ico \
    "$(png_path 16)" "$(png_path 24)" "$(png_path 32)" "$(png_path 48)" "$(png_path 64)" --raw="$(png_path 256)"

png2icns icons/advapacs-clinician.icns \
    "$(png_path 16)" "$(png_path 32)" "$(png_path 48)" "$(png_path 128)" "$(png_path 256)" "$(png_path 512)" "$(png_path 1024)" \
    >/dev/null

# JavaFX picks the best fit among a stage's icons for the title bar, task bar and switcher.
rm -f "$window_dir"/app-*.png
for size in 16 24 32 48 64 128 256; do
    cp "$(png_path "$size")" "$window_dir/app-$size.png"
done

echo "Icons written to icons/ and $window_dir/"
