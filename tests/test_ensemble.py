"`ser_nb_ensemble` end to end, and `averaged_predictions`, on made-up six-fold runs whose prediction files are written by hand (no training)."
import json, subprocess, sys
from pathlib import Path
import numpy as np, pandas as pd, pytest
from ser_nb.data import LABELS

def _ensemble(*args):
    return subprocess.run([str(Path(sys.executable).parent / 'ser_nb_ensemble'), *args], capture_output=True, text=True)

def _member(root, right:int):
    "Six folds of two clips (labels 0 and 1); the member is confident and right on clip `right`, unsure and wrong on the other"
    for f in range(1, 7):
        d = root / f'fold{f}'; d.mkdir(parents=True)
        p = np.zeros((2, len(LABELS)))
        p[:, :2] = [[.9, .1], [.6, .4]] if right == 0 else [[.4, .6], [.1, .9]]
        for name in ('valid_predictions.csv', 'predictions.csv'):
            pd.DataFrame({'file': ['a.flac', 'b.flac'], 'actor': 1, 'label': [0, 1], 'pred': p.argmax(1),
                          **{f'p_{e}': p[:, i] for i, e in enumerate(LABELS)}}).to_csv(d / name, index=False)
    return str(root)

def test_ensemble_cli_selects_on_validation(tmp_path, synthetic_corpus):
    a, b = _member(tmp_path / 'a', right=0), _member(tmp_path / 'b', right=1)
    out = tmp_path / 'ens'
    r = _ensemble(a, b, '--data', str(synthetic_corpus), '--out', str(out), '--device', 'cpu')
    assert r.returncode == 0, r.stderr[-2000:]
    s = json.loads((out / 'summary.json').read_text())
    assert s['members'] == [a, b] and s['ua_mean'] == 100.0  # each alone 50 %, together right on both clips
    sel = pd.read_csv(out / 'selection.csv')
    assert sel['valid UA'].tolist() == [50.0, 100.0] and len(pd.read_csv(out / 'folds.csv')) == 6

def test_ensemble_cli_needs_predictions_or_a_checkpoint(tmp_path, synthetic_corpus):
    (tmp_path / 'x' / 'fold1').mkdir(parents=True)
    r = _ensemble(str(tmp_path / 'x'), '--data', str(synthetic_corpus), '--out', str(tmp_path / 'ens'))
    assert r.returncode != 0 and 'no model.pt' in r.stderr

def test_ensemble_cli_fixed_averages_every_run(tmp_path, synthetic_corpus):
    a, b, c = (_member(tmp_path / n, right=r) for n, r in (('a', 0), ('b', 1), ('c', 0)))
    out = tmp_path / 'ens'
    out.mkdir(); (out / 'selection.csv').write_text('stale')  # left by an earlier selection into the same folder
    r = _ensemble(a, b, c, '--fixed', '--data', str(synthetic_corpus), '--out', str(out), '--device', 'cpu')
    assert r.returncode == 0, r.stderr[-2000:]
    s = json.loads((out / 'summary.json').read_text())
    # all three kept, where selection stops at a and b (c, a copy of a, adds nothing on validation); the average is right on both clips
    assert s['members'] == [a, b, c] and s['fixed'] and s['ua_mean'] == 100.0
    assert not (out / 'selection.csv').exists() and len(pd.read_csv(out / 'folds.csv')) == 6

def test_averaged_predictions_joins_on_file_names(tmp_path):
    from ser_nb.experiments import averaged_predictions
    a, b = _member(tmp_path / 'a', right=0), _member(tmp_path / 'b', right=1)
    f = Path(b) / 'fold1' / 'predictions.csv'
    pd.read_csv(f).iloc[::-1].to_csv(f, index=False)  # another row order: the files still pair the clips
    p = averaged_predictions([a, b], 1).set_index('file')
    assert np.allclose(p.loc['a.flac', ['p_neutral', 'p_calm']], [.65, .35]) and p.pred.tolist() == [0, 1]
    pd.read_csv(f).assign(file=['a.flac', 'c.flac']).to_csv(f, index=False)  # a member that scored another clip
    with pytest.raises(ValueError, match='did not all score the same test clips'): averaged_predictions([a, b], 1)
    fa = Path(a) / 'fold1' / 'predictions.csv'
    pd.read_csv(fa).iloc[[0, 0, 1]].to_csv(fa, index=False)  # a scored twice by one member...
    pd.read_csv(f).iloc[[1]].to_csv(f, index=False)  # ...and not at all by the other: two rows for a.flac, still not an average
    with pytest.raises(ValueError, match='did not all score the same test clips'): averaged_predictions([a, b], 1)
