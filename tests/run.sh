#!/usr/bin/env bash
# The whole test suite: every notebook (nbdev_test) and the tests that are not notebook cells (pytest tests/).
# Installs the project into ./.venv first if that is missing. Uses the real corpus when $SER_NB_DATA names it,
# otherwise a synthetic RAVDESS-format corpus the project makes itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/nbdev_test ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[dev]"
fi
export PATH="$PWD/.venv/bin:$PATH" OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" MPLBACKEND=Agg
echo "corpus: ${SER_NB_DATA:-synthetic (SER_NB_DATA not set)}"
before=$(cat ser_nb/*.py | md5sum); nbdev_export; after=$(cat ser_nb/*.py | md5sum)
[ "$before" = "$after" ] || { echo "FAILED: ser_nb/ did not match the notebooks (nbdev_export changed it)"; exit 1; }
# librosa compiles its pitch tracker (pYIN, in chapter 09's `voice_cues`) with numba on first use and caches it on disk: compile it
# here, once, in a process of its own, so that the notebooks' forked workers only load it (a fresh clone's worker that
# compiled it crashed)
python -c "import tempfile, numpy as np, soundfile as sf; from ser_nb.goal import voice_cues
with tempfile.NamedTemporaryFile(suffix='.wav') as f: sf.write(f.name, 0.1 * np.sin(np.arange(16000) / 16), 16000); voice_cues(f.name)"
nbdev_test --n_workers 2 --timing
pytest -q tests
