#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, from Debian's archive, only when missing:
#   - Java 17+ (DynamoDB Local, the real DynamoDB engine used by integration tests and the sandbox)
#   - ffmpeg and ffprobe (the sandbox runs MediaConvert-style jobs with them)
#   - Chromium (the browser journeys in e2e/ drive it through playwright-core)
# Safe to run repeatedly; needs root (or sudo) only when something must be installed.
set -euo pipefail

need_java() {
  command -v java >/dev/null 2>&1 || return 0
  local major
  major=$(java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}')
  [ "${major:-0}" -lt 17 ]
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup-system: need root or sudo to install: $*" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

# The Chromium the browser journeys use: $STRATUM_CHROMIUM, else Debian's (e2e/src/browser.ts looks in the same places).
chromium_path() {
  local candidate
  for candidate in "${STRATUM_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

packages=()
if need_java; then packages+=(openjdk-17-jre-headless); fi
if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then packages+=(ffmpeg); fi
if ! chromium_path >/dev/null; then packages+=(chromium); fi

if [ ${#packages[@]} -gt 0 ]; then
  echo "setup-system: installing ${packages[*]}"
  apt_install "${packages[@]}"
else
  echo "setup-system: Java $(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') and $(ffmpeg -version | head -n 1 | cut -d' ' -f1-3) and Chromium present; nothing to install"
fi
