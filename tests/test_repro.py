"`tools/repro/cpu_pairs.sh`, the runner of the CPU experiments' six folds, two at a time from a copy of the package."
import os, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / 'tools' / 'repro' / 'cpu_pairs.sh'

def _pairs(*args, **env):
    "Run the script from the repository root with this interpreter's `python` first on PATH"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(['bash', str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, env={**os.environ, 'PATH': path, **env})

def test_dry_run_gives_six_folds_in_pairs_then_the_summary(tmp_path):
    r = _pairs(str(tmp_path / 'run'), '--seed', '3', '--epochs', '2', DRY_RUN='1', LOGS=str(tmp_path / 'logs'))
    assert r.returncode == 0, r.stderr
    head = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    assert f'as committed at {head}' in r.stdout  # the copy is HEAD's package, not the working tree's
    cmds = [l for l in r.stdout.splitlines() if 'snapshot_train.py' in l]
    folds = [re.search(r'--fold (\S+) --out (\S+)', c).groups() for c in cmds]
    expected = [(str(f), str(tmp_path / 'run' / f'fold{f}')) for f in range(1, 7)]
    assert [sorted(folds[i:i + 2]) for i in (0, 2, 4)] == [expected[i:i + 2] for i in (0, 2, 4)]  # a pair's two lines come in either order
    assert folds[6] == ('all', str(tmp_path / 'run')) and len(folds) == 7
    assert all('OMP_NUM_THREADS=1' in c and '--seed 3 --epochs 2' in c and c.split(' > ')[0].endswith('--resume') for c in cmds)
    starts = [l for l in r.stdout.splitlines() if l.endswith('start')]
    assert [l.split(' ', 1)[1] for l in starts] == ['folds 1 and 2 start', 'folds 3 and 4 start', 'folds 5 and 6 start']

def test_fold_and_out_are_its_own(tmp_path):
    for flag in ('--fold', '--out'):
        r = _pairs(str(tmp_path / 'run'), flag, '1', DRY_RUN='1')
        assert r.returncode == 2 and f'sets {flag} itself' in r.stderr

def test_a_failing_fold_stops_it_and_names_the_logs(tmp_path):
    logs = tmp_path / 'logs'
    r = _pairs(str(tmp_path / 'run'), '--model', 'nonexistent', LOGS=str(logs))
    assert r.returncode == 1 and f'{logs}/run-fold1.log' in r.stderr and 'folds 3 and 4' not in r.stdout
    for f in (1, 2):  # the error came from ser_nb_train in the copy, not from the copy's imports
        assert "--model must be one of" in (logs / f'run-fold{f}.log').read_text()
    assert not Path(re.search(r'copied to (\S+)', r.stdout).group(1)).exists()  # the copy is removed

def test_snapshot_train_refuses_another_package(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / 'tools' / 'repro' / 'snapshot_train.py'), '--help'], capture_output=True, text=True,
                       env={**os.environ, 'PYTHONPATH': str(tmp_path)})
    assert r.returncode == 1 and r.stderr.startswith('error: ') and str(tmp_path) in r.stderr  # never the checkout's package instead
