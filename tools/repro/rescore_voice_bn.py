"""Score a six-fold `speaker_bn` run again from its checkpoints (`model.pt`, kept only on the machine that trained it) and
compare with its recorded prediction files: `python tools/repro/rescore_voice_bn.py RUN [RUN ...]` (needs $SER_NB_DATA
or ../shared/data/ravdess-speech). Each fold prints how many clips keep their recorded emotion and the largest
difference of a probability."""
import os, sys
from pathlib import Path
import numpy as np, pandas as pd, torch
from ser_nb.data import ravdess_table
from ser_nb.evaluate import make_split
from ser_nb.experiments import speed_view_probabilities

torch.set_num_threads(int(os.environ.get('OMP_NUM_THREADS', 1)))
df = ravdess_table(os.environ.get('SER_NB_DATA', '../shared/data/ravdess-speech'))
for run in sys.argv[1:]:
    for f in range(1, 7):
        r = Path(run) / f'fold{f}'
        for part, name in (('valid', 'valid_predictions.csv'), ('test', 'predictions.csv')):
            _, p = speed_view_probabilities(r, df, part, [1.0], 'cpu', None)  # one view, as recorded; scored as the model was trained
            files = [Path(q).name for q in df.path.iloc[make_split(df, 'speaker', f)[part]]]  # the rows of `p`
            rec = pd.read_csv(r / name).set_index('file').loc[files]  # the recorded rows, in that order
            recorded = rec[[c for c in rec.columns if c.startswith('p_')]].to_numpy()
            print(f"{r} {part}: {int((p[1.0].argmax(1) == rec.pred.to_numpy()).sum())}/{len(rec)} the recorded emotion, "
                  f"largest |dp| {np.abs(p[1.0] - recorded).max():.1e}")
