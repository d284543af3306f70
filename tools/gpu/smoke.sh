# Device call 1 of the second lease: packages, CUDA, and a 2-epoch run of the grid's heaviest configuration on the
# synthetic corpus (speed copies, wide CNN branches), so that the grid's call does not fail on a detail
source tools/gpu/setup.sh || exit 1
nvidia-smi -L; nproc; free -g | head -2
python3 -c "import torch, torchaudio, librosa; print('torch', torch.__version__, 'torchaudio', torchaudio.__version__, torch.cuda.get_device_name())" || exit 1
syn=$(python3 -c "from ser_nb.data import synthetic_corpus; print(synthetic_corpus())") || exit 1
t=$SECONDS; timeout 150 ser_nb_train --data $syn --allow_incomplete --device cuda --protocol seed --epochs 2 --preset improved --model cnn_only \
  --overrides '{"speeds": [0.9, 1.1]}' --model_config '{"channels": [32, 64, 128]}' --out /tmp/smoke > /tmp/smoke.log 2>&1; rc=$?
echo "smoke rc $rc in $((SECONDS - t)) s"; tail -c 1500 /tmp/smoke.log; ls /tmp/smoke
