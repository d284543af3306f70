# Device call that runs a grid of make_jobs.py: GRID (improve: the second lease; combine: the third; refit: refits of the
# third lease's runs; pitches: the combine recipe with pitch copies; combine, refit and pitches take SEEDS), WORKERS
# runs at a time, no new run after START_UNTIL s, stopped at KILL_AT s; every small file comes back in gpu.tar.gz
# (checkpoints stay there: the runs write their validation and test predictions).
source tools/gpu/setup.sh || exit 1
[ "$(ls /tmp/rav | wc -l)" = 24 ] || { echo "corpus incomplete: $(ls /tmp/rav | wc -l) actors"; exit 1; }
python3 tools/gpu/make_jobs.py ${GRID:?set GRID to a grid of make_jobs.py} ${SEEDS:-} > /tmp/jobs.txt; wc -l /tmp/jobs.txt
python3 tools/gpu/run_jobs.py /tmp/jobs.txt --workers ${WORKERS:-15} --start_until ${START_UNTIL:-330} --kill_at ${KILL_AT:-455} --logs gpu/logs > gpu-queue.log 2>&1
tail -3 gpu-queue.log; mv gpu-queue.log gpu/logs/; nvidia-smi > gpu/logs/nvidia-smi.txt
tar czf $OUT/gpu.tar.gz --exclude='*.pt' gpu; ls -la $OUT
