#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, from Debian's archive, only when missing:
#   - Java 17+ (DynamoDB Local, the real DynamoDB engine used by integration tests and the sandbox)
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

packages=()
if need_java; then packages+=(openjdk-17-jre-headless); fi

if [ ${#packages[@]} -gt 0 ]; then
  echo "setup-system: installing ${packages[*]}"
  apt_install "${packages[@]}"
else
  echo "setup-system: Java $(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') present; nothing to install"
fi
