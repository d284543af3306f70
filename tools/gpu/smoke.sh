# First device call of a lease: packages, CUDA, and a 2-epoch run of the first job of GRID (default: window) on the
# synthetic corpus, so that the grid's call does not fail on a detail
source tools/gpu/setup.sh || exit 1
nvidia-smi -L; nproc; free -g | head -2
python3 -c "import torch, torchaudio, librosa; print('torch', torch.__version__, 'torchaudio', torchaudio.__version__, torch.cuda.get_device_name())" || exit 1
syn=$(python3 -c "from ser_nb.data import synthetic_corpus; print(synthetic_corpus())") || exit 1
cmd=$(python3 tools/gpu/make_jobs.py ${GRID:-window} | head -1 | cut -f2 | sed "s#--data /tmp/rav#--data $syn --allow_incomplete --epochs 2#; s#--protocol speaker --fold 1#--protocol seed#; s#--out gpu/.*#--out /tmp/smoke#")
echo "$cmd"; t=$SECONDS; eval "timeout 150 $cmd" > /tmp/smoke.log 2>&1; rc=$?
echo "smoke rc $rc in $((SECONDS - t)) s"; tail -c 1500 /tmp/smoke.log; ls /tmp/smoke
