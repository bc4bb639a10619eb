#!/usr/bin/env bash
# Make this checkout ready to run: system libraries Qt needs, then .venv built from
# requirements.lock. Idempotent and fast when nothing changed.
# Usage: bash scripts/bootstrap.sh [extra Debian packages, e.g. fonts-noto-cjk]
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries the PySide6 wheels link against (QtCore/Gui/Widgets/Network, the offscreen
# and xcb platform plugins, the xcb GL integrations), found with ldd; their own
# dependencies come along. A font so offscreen tests have glyph metrics.
DEBS=(
    libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    libgssapi-krb5-2 libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1
    libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-util1 libxcb-xfixes0 libxcb-xkb1 fonts-dejavu-core
    # The alliance server's tests start their own PostgreSQL cluster (initdb, pg_ctl).
    postgresql
    "$@"
)

apt_install() {
    local log rc=0
    log=$(mktemp)
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "$@"; } >"$log" 2>&1 || rc=$?
    [ $rc -eq 0 ] || tail -n 20 "$log" >&2
    rm -f "$log"
    return $rc
}

system_libs() {
    [ "$(uname -s)" = Linux ] || return 0
    if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then
        echo "bootstrap: not Debian/Ubuntu; if Qt fails to start, install your distribution's" \
            "packages for: ${DEBS[*]} (Debian names)" >&2
        return 0
    fi
    local missing=() p
    for p in "${DEBS[@]}"; do
        # Ubuntu 24.04 renamed some libraries with a t64 suffix.
        dpkg -s "$p" >/dev/null 2>&1 || dpkg -s "${p}t64" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "bootstrap: missing system packages; please run:" >&2
        echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
        return 0
    fi
    echo "bootstrap: apt-get install ${missing[*]}"
    # A failed install is reported but not fatal: offscreen Qt needs only a few of these.
    apt_install "${missing[@]}" || echo "bootstrap: warning: apt-get failed; continuing" >&2
}

# First Python >= 3.11 that really runs (pyenv shims exist for uninstalled versions).
find_python() {
    local c
    for c in python3.11 python3.12 python3.13 python3.14 python3; do
        if command -v "$c" >/dev/null &&
            "$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

new_venv() {
    echo "bootstrap: creating .venv with $("$1" -V 2>&1)"
    rm -rf .venv
    "$1" -m venv .venv
}

system_libs

if ! .venv/bin/python -c '' 2>/dev/null; then
    py=$(find_python || true)
    if [ -z "$py" ] || ! new_venv "$py"; then
        # Debian ships venv support separately (python3-venv); bookworm's python3 is 3.11.
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
            apt_install python3 python3-venv || true
            py=$(find_python || true)
        fi
        [ -n "$py" ] && new_venv "$py" || {
            echo "bootstrap: need Python >= 3.11 with venv (3.11 preferred)" >&2
            exit 1
        }
    fi
fi

# Reinstall only when the lock, pyproject.toml or the interpreter changed.
stamp=.venv/.bootstrap-stamp
want=$(.venv/bin/python - <<'EOF'
import hashlib, sys
h = hashlib.sha256(sys.version.encode())
for name in ("requirements.lock", "pyproject.toml"):
    with open(name, "rb") as f:
        h.update(f.read())
print(h.hexdigest())
EOF
)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "bootstrap: installing requirements.lock into .venv"
    pip=(.venv/bin/python -m pip -qq --disable-pip-version-check)
    if .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
        "${pip[@]}" install -r requirements.lock
        "${pip[@]}" install --no-deps -e .
    else
        # The lock was resolved for 3.11; elsewhere use it as constraints only.
        echo "bootstrap: note: .venv is not Python 3.11; the lock is used as constraints" >&2
        "${pip[@]}" install -c requirements.lock -e '.[test]'
    fi
    echo "$want" >"$stamp"
fi
