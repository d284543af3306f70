# Device call 1: packages, CUDA, and how fast one real training epoch runs alone and 12 at a time on the GPU
source tools/gpu/setup.sh || exit 1
nvidia-smi -L; nproc
python3 -c "import torch, librosa, soundfile, ser_nb.evaluate; print('torch', torch.__version__, torch.cuda.is_available() and torch.cuda.get_device_name())" || exit 1
epoch_s() { python3 -c "import pandas as pd, json, sys; h = pd.read_csv(sys.argv[1] + '/history.csv'); m = json.load(open(sys.argv[1] + '/metrics.json'))
print(sys.argv[1], 'epoch s (after the first):', round(float(h.seconds[1:].mean()), 3), 'run s', m['seconds'], 'UA', round(m['ua'], 3))" "$1"; }
run() { OMP_NUM_THREADS=1 timeout 150 ser_nb_train --data /tmp/rav --allow_incomplete --protocol seed --preset fast --epochs ${EPOCHS:-4} --device ${DEV:-cuda} --seed $1 --out /tmp/probe/$2 > /tmp/probe-$2.log 2>&1; }
mkdir -p /tmp/probe
t=$SECONDS; run 0 single || { tail -30 /tmp/probe-single.log; exit 1; }; echo "single wall $((SECONDS - t)) s"
epoch_s /tmp/probe/single
t=$SECONDS; for i in $(seq 1 ${PAR:-12}); do run $i par$i & done; wait; echo "parallel wall $((SECONDS - t)) s"
for i in $(seq 1 ${PAR:-12}); do epoch_s /tmp/probe/par$i || tail -5 /tmp/probe-par$i.log; done
nvidia-smi --query-gpu=memory.used --format=csv
timeout 120 ser_nb_bench --short --device ${DEV:-cuda} --out /tmp/benchshort > /tmp/bench-short.log 2>&1; echo "bench short rc $?"; tail -40 /tmp/bench-short.log
