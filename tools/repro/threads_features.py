"""Do the features and the augmented copies depend on the torch thread count? Prints one line per check.

    SER_NB_DATA=$(realpath ../shared/data/ravdess-speech) python tools/repro/threads_features.py
"""
import os, torch
from ser_nb.data import ravdess_table, load_clips
from ser_nb.augment import speed_perturb, awgn_copies
from ser_nb.features import FeatureConfig, clip_features, extract_features

df, cfg = ravdess_table(os.environ['SER_NB_DATA']), FeatureConfig()
paths = list(df.path[:256])
w = load_clips(paths[:128], sr=cfg.sr, offset=cfg.offset, duration=cfg.duration, progress=False)
out = {}
for t in (1, 2):
    torch.set_num_threads(t)
    sp = speed_perturb(w, 0.9)
    out[t] = dict(mfcc=clip_features(paths, cfg, cache=False, progress=False), awgn=torch.as_tensor(awgn_copies(w, 0, 2)[0]),
                  speed=torch.as_tensor(sp), speed_mfcc=extract_features(sp, cfg, progress=False))
for k in out[1]:
    a, b = out[1][k], out[2][k]
    print(f"{k}: identical on 1 and 2 threads: {torch.equal(a, b)} (max abs difference {(a.double() - b.double()).abs().max().item():.3g})")
