#!/usr/bin/env bash
# Install what is needed, create a demo database on first run, start Merchant Desk.
# Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
    echo "run.sh: no display (DISPLAY/WAYLAND_DISPLAY unset). Try one of:" >&2
    echo "  xvfb-run bash scripts/run.sh      (apt-get install xvfb)" >&2
    echo "  QT_QPA_PLATFORM=offscreen bash scripts/run.sh" >&2
    exit 1
fi

# The CJK font keeps Chinese text from rendering as boxes on a bare Debian.
bash scripts/bootstrap.sh fonts-noto-cjk
py=.venv/bin/python
db=var/demo.sqlite

if [ ! -e "$db" ]; then
    echo "run.sh: creating the demo database $db (first run only)..."
    mkdir -p var
    if ! "$py" -m desktop demo --db "$db" --members 2000 --days 120 >var/demo.json; then
        rm -f "$db" "$db"-wal "$db"-shm var/demo.json # so the next run starts clean
        echo "run.sh: creating the demo database failed" >&2
        exit 1
    fi
fi
if [ -s var/demo.json ]; then
    "$py" - <<'PY' || true
import json
text = open("var/demo.json", encoding="utf-8").read()
try:
    data = json.loads(text)
except ValueError:  # tolerate log lines before the JSON
    data = json.loads(text.strip().splitlines()[-1])
print(f"run.sh: demo owner PIN: {data['owner_pin']}")
PY
fi

exec "$py" -m desktop --db "$db" "$@"
