#!/bin/sh
# Renders the one source drawing, assets/icon/scim-console.svg, into every icon the three desktops need:
#   png/scim-console-<N>.png  N = 16 24 32 48 64 128 256 512   (Linux menus and jpackage --icon on Linux)
#   scim-console.ico          16-256 in one file                 (Windows: jpackage --icon, the .exe and the .msi)
#   scim-console.icns         16-512 in one file                 (macOS: jpackage --icon, the .app bundle)
# The renders are committed, so a build needs none of these tools; re-run this after editing the SVG.
# Tools (Debian): apt-get install -y librsvg2-bin icoutils icnsutils
set -eu
cd "$(dirname "$0")/icon"
for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "build-icons: $tool missing (apt-get install -y librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

mkdir -p png
for n in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$n" --height "$n" --output "png/scim-console-$n.png" scim-console.svg
done

# Windows keeps the small sizes as bitmaps and the 256 px one PNG-compressed (-r), as Explorer expects.
icotool --create --output scim-console.ico \
    png/scim-console-16.png png/scim-console-24.png png/scim-console-32.png png/scim-console-48.png \
    png/scim-console-64.png png/scim-console-128.png --raw=png/scim-console-256.png

# png2icns picks each image's icns slot from its pixel size; 16, 32, 48, 128, 256 and 512 are the ones it knows.
png2icns scim-console.icns \
    png/scim-console-16.png png/scim-console-32.png png/scim-console-48.png \
    png/scim-console-128.png png/scim-console-256.png png/scim-console-512.png >/dev/null

echo "build-icons: wrote assets/icon/png/ (8 sizes), scim-console.ico and scim-console.icns"
