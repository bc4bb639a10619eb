#!/usr/bin/env bash
# Install what is needed, then run every check CI runs; stops at the first failure.
# Extra arguments go to pytest, e.g. bash scripts/test.sh -k coupons -x
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bin=.venv/bin

step() { printf '\n==> %s\n' "$*"; }

step "ruff check"
"$bin/ruff" check .
step "ruff format --check"
"$bin/ruff" format --check .
step "mypy (strict on desktop/models, desktop/sync)"
"$bin/mypy"
step "lint-imports (layer contracts)"
"$bin/lint-imports" --no-cache
step "pytest"
rc=0
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$bin/python" -m pytest -p no:cacheprovider "$@" || rc=$?
if [ "$rc" -eq 5 ]; then
    # pytest's "no tests collected" would otherwise look like a pass.
    echo "test.sh: pytest collected no tests; failing" >&2
    exit 1
fi
exit "$rc"
