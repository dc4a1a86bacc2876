#!/usr/bin/env bash
# The .deb as a user gets it: unpacked into a scratch root (dpkg -x, so no root rights and no
# change to this system), its binary started under the X server of the caller (run this under
# xvfb-run) on the reference example, and the window checked to name the file, which the app
# does only once the UI has drawn the design. It prints the figures BENCHMARKS.md records:
# package and binary size, cold start to the drawn design, and idle memory of the app with its
# web view processes.
#
#   tests/package/installed-app.sh PATH/TO/zta-designer_VERSION_ARCH.deb [SCREENSHOT.png]
set -euo pipefail

deb=${1:?usage: installed-app.sh PACKAGE.deb [SCREENSHOT.png]}
shot=${2:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
: "${DISPLAY:?run under an X server, for example xvfb-run -a}"

scratch=$(mktemp -d)
app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

dpkg-deb --info "$deb" >/dev/null || fail "$deb is not a Debian package"
depends=$(dpkg-deb --field "$deb" Depends)
case "$depends" in
  *libwebkit2gtk-4.1*) ;;
  *) fail "the package does not depend on the web view library: Depends: $depends" ;;
esac
dpkg -x "$deb" "$scratch/root"
bin="$scratch/root/usr/bin/zta-designer"
[ -x "$bin" ] || fail "the package installs no /usr/bin/zta-designer"
ls "$scratch/root/usr/share/applications/"*.desktop >/dev/null 2>&1 || fail "the package installs no desktop entry"
missing=$(ldd "$bin" | grep "not found" || true)
[ -z "$missing" ] || fail "shared libraries the binary needs are missing: $missing"
if file "$bin" | grep -q "not stripped"; then fail "the installed binary is not stripped"; fi

mkdir -p "$scratch/home"
cp "$here/examples/aws-zta-reference.zta.yaml" "$scratch/home/"
title="aws-zta-reference.zta.yaml — ZTA Designer"
start=$(date +%s%N)
HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/data" \
  XDG_CACHE_HOME="$scratch/home/cache" "$bin" "$scratch/home/aws-zta-reference.zta.yaml" >/dev/null 2>&1 &
app=$!
deadline=$(( $(date +%s) + 90 ))
until xdotool search --name "^${title}\$" >/dev/null 2>&1; do
  kill -0 "$app" 2>/dev/null || fail "the installed app exited before drawing the design"
  [ "$(date +%s)" -lt "$deadline" ] || fail "no window titled '$title' within 90 s"
  sleep 0.05
done
ready=$(date +%s%N)

# Idle: ten seconds after the design is drawn, with live validation done and nothing to do.
sleep 10
kill -0 "$app" 2>/dev/null || fail "the installed app exited while idle"
family() { echo "$1"; for child in $(pgrep -P "$1" || true); do family "$child"; done; }
# Proportional set size, so that the libraries the processes share count once, not once each.
pss_kib=0
for pid in $(family "$app"); do
  kib=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
  pss_kib=$(( pss_kib + ${kib:-0} ))
done
if [ -n "$shot" ]; then import -window root "$shot"; fi

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "package:        $(basename "$deb") $(mib "$(stat -c %s "$deb")")"
echo "binary:         $(mib "$(stat -c %s "$bin")")"
echo "cold start:     $(( (ready - start) / 1000000 )) ms to the drawn reference"
echo "idle memory:    $(awk -v k="$pss_kib" 'BEGIN { printf "%.0f MiB", k / 1024 }') PSS, app and web view processes ($(family "$app" | wc -l) processes)"
echo "ok: the installed app opened the reference"
