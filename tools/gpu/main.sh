# Device call 3: the grid (make_jobs.py), then ser_nb_bench on CUDA reading its runs; everything small comes back in gpu.tar.gz
source tools/gpu/setup.sh || exit 1
python3 tools/gpu/make_jobs.py > /tmp/jobs.txt; wc -l /tmp/jobs.txt
python3 tools/gpu/run_jobs.py /tmp/jobs.txt --workers ${WORKERS:-14} --start_until ${START_UNTIL:-330} --kill_at ${KILL_AT:-455} --logs gpu/logs > gpu-queue.log 2>&1
tail -3 gpu-queue.log
six=$(ls gpu/speaker/fast/fold*/metrics.json 2>/dev/null | wc -l); echo "fast folds done: $six"
timeout ${BENCH_S:-90} ser_nb_bench --data /tmp/rav --device cuda --out gpu --runs gpu $([ "$six" = 6 ] || echo --skip_six_fold) > gpu/logs/bench.log 2>&1; echo "bench rc $?"
mv gpu-queue.log gpu/logs/; nvidia-smi > gpu/logs/nvidia-smi.txt
tar czf $OUT/gpu.tar.gz --exclude='*.pt' gpu; ls -la $OUT; grep -o '"[a-z_]*_samples_per_s": [0-9.]*' gpu/bench-cuda.json
