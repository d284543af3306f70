#!/usr/bin/env bash
# The documentation site, offline: README.md from nbs/index.ipynb, then the static site in _docs/ (docs/build.py
# says how). Installs the project with its dev tools into ./.venv first when the docs tools are missing there.
# Extra arguments go to docs/build.py (e.g. --out DIR, --check-readme, --readme-only).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/sphinx-build ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[dev]"
fi
export MPLBACKEND=Agg OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec .venv/bin/python docs/build.py "$@"
