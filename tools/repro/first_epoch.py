"""The first epoch of seed 0 of `improved_speed_long` (seed protocol) on this machine, to compare runs digit by digit.

    OMP_NUM_THREADS=1 SER_NB_DATA=$(realpath ../shared/data/ravdess-speech) python tools/repro/first_epoch.py
    OMP_NUM_THREADS=2 SER_NB_DATA=$(realpath ../shared/data/ravdess-speech) python tools/repro/first_epoch.py
"""
import os, tempfile
from ser_nb.data import ravdess_table
from ser_nb.features import FeatureConfig
from ser_nb.evaluate import make_split
from ser_nb.train import fit, model_config_for, preset, run_environment, setup_device, split_features

df = ravdess_table(os.environ['SER_NB_DATA'])
tcfg, fcfg, dev = preset('improved_speed_long', seed=0), FeatureConfig(), setup_device('cpu')
data = split_features(df, make_split(df, 'seed', None, 0), fcfg, tcfg, device=dev, progress=False)
with tempfile.TemporaryDirectory() as d:
    h = fit(data, model_config_for(fcfg), fcfg, tcfg, device=dev, out=d, progress=False, stop_after=1)['history']
print(f"epoch 1: training loss {float(h.train_loss[0])!r}, validation WA {float(h.valid_wa[0])!r}, UA {float(h.valid_ua[0])!r}")
print(run_environment(dev))
