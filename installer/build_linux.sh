#!/usr/bin/env bash
# Build the one-folder Linux bundle of Linedesk, then run its self-test.
#
#     installer/build_linux.sh [OUTPUT_DIR]        (default: dist/ in the checkout)
#
# Works in a fresh virtual environment (in a temporary folder, removed afterwards) with the
# project and PyInstaller installed from the package index, so the bundle holds exactly the
# project's declared dependencies, at the tested versions of installer/constraints.txt. Needs
# Python 3.11+ (`PYTHON=python3.12 installer/...` to choose another). The result is
# OUTPUT_DIR/linedesk/ (run OUTPUT_DIR/linedesk/linedesk) and
# OUTPUT_DIR/linedesk-VERSION-linux-x86_64.tar.gz. Exit code: non-zero when the build or the
# bundle's self-test fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d -t linedesk-build-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "== virtual environment in $WORK"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
PIP=("$VPY" -m pip install --disable-pip-version-check -q -c "$ROOT/installer/constraints.txt")
"${PIP[@]}" --upgrade pip
"${PIP[@]}" "$ROOT" "pyinstaller>=6.10"
VERSION="$("$VPY" -c 'import desktop; print(desktop.__version__)')"

echo "== PyInstaller (Linedesk $VERSION)"
# Build from a copy of the sources that the package install does not shadow: the spec puts
# the checkout first on the path, so the bundle takes the checkout's desktop/, ui/, hardware/.
rm -rf "$OUT/linedesk"
(cd "$ROOT" && "$VPY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT" --workpath "$WORK/build" installer/linedesk.spec)

echo "== self-test of the bundle"
# A clean environment: no checkout on the path, a home of its own, offscreen Qt.
env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$WORK/home" LINEDESK_HOME="$WORK/home" \
    "$OUT/linedesk/linedesk" --self-test

# The desktop entry and its icon travel with the bundle (README: installing on a Linux PC).
cp "$ROOT/installer/linedesk.desktop" "$ROOT/resources/icons/linedesk.png" "$OUT/linedesk/"
ARCHIVE="$OUT/linedesk-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$OUT" -czf "$ARCHIVE" linedesk
echo "== bundle: $OUT/linedesk ($(du -sh "$OUT/linedesk" | cut -f1)), archive: $ARCHIVE"
