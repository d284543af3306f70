"`ser_nb_train` end to end on a synthetic corpus, and its errors."
import dataclasses, json, subprocess, sys
from pathlib import Path
import pytest

def _train(*args):
    "Run the installed `ser_nb_train` console script"
    return subprocess.run([str(Path(sys.executable).parent / 'ser_nb_train'), *args], capture_output=True, text=True)

def test_tiny_run_end_to_end(synthetic_corpus, tmp_path):
    out = tmp_path / 'run'
    r = _train('--data', str(synthetic_corpus), '--protocol', 'seed', '--epochs', '1', '--out', str(out), '--allow_incomplete')
    assert r.returncode == 0, r.stderr[-2000:]
    m = json.loads((out / 'metrics.json').read_text())
    assert {'wa', 'ua', 'macro_f1', 'per_class', 'confusion', 'protocol', 'fold', 'test_actors', 'epoch', 'seconds'} <= set(m)
    assert sum(map(sum, m['confusion'])) == m['n_test'] == 12
    for f in ('model.pt', 'confusion.png', 'curves.png', 'history.csv', 'predictions.csv'): assert (out / f).stat().st_size > 0
    # --resume on a finished run keeps it and does not train again
    r2 = _train('--data', str(synthetic_corpus), '--epochs', '1', '--out', str(out), '--allow_incomplete', '--resume')
    assert r2.returncode == 0 and json.loads((out / 'metrics.json').read_text()) == m

def test_refit_from_a_finished_run(synthetic_corpus, tmp_path):
    src, out = tmp_path / 'run', tmp_path / 'refit'
    r = _train('--data', str(synthetic_corpus), '--protocol', 'seed', '--epochs', '2', '--out', str(src), '--allow_incomplete')
    assert r.returncode == 0, r.stderr[-2000:]
    r = _train('--data', str(synthetic_corpus), '--protocol', 'seed', '--refit_from', str(src), '--out', str(out), '--allow_incomplete')
    assert r.returncode == 0, r.stderr[-2000:]
    m, refit = (json.loads((d / 'metrics.json').read_text()) for d in (src, out))
    assert refit['refit_of']['run'] == str(src) and refit['epochs_run'] == m['epoch'] and refit['valid'] is None
    assert refit['n_train'] > m['n_train'] and refit['n_test'] == m['n_test'] and refit['test_actors'] == m['test_actors']
    missing = _train('--data', str(synthetic_corpus), '--protocol', 'seed', '--refit_from', str(tmp_path / 'none'),
                     '--out', str(tmp_path / 'x'), '--allow_incomplete')
    assert missing.returncode != 0 and 'no finished run to refit' in missing.stderr
    (tmp_path / 'six' / 'fold1').mkdir(parents=True)  # a six-fold run refitted without --protocol speaker: say so
    hint = _train('--data', str(synthetic_corpus), '--refit_from', str(tmp_path / 'six'), '--out', str(tmp_path / 'y'), '--allow_incomplete')
    assert hint.returncode != 0 and 'with --protocol speaker' in hint.stderr

def test_incomplete_corpus_refused(synthetic_corpus, tmp_path):
    r = _train('--data', str(synthetic_corpus), '--out', str(tmp_path))
    assert r.returncode != 0 and 'incomplete' in r.stderr and 'allow_incomplete' in r.stderr

@pytest.mark.parametrize('args,msg', [(['--protocol', 'random'], "--protocol must be 'seed' or 'speaker'"),
                                      (['--protocol', 'speaker', '--fold', '9'], '--fold must be 1..6 or all'),
                                      (['--preset', 'best'], '--preset must be one of'),
                                      (['--overrides', '{"nope": 1}'], '--overrides must be a JSON object'),
                                      (['--overrides', 'mixup=1'], '--overrides is not JSON'),
                                      (['--model', 'rnn'], '--model must be one of'),
                                      (['--features', '{"n_mfc": 20}'], '--features must be a JSON object'),
                                      (['--features', '{"kind": "cqt"}'], 'kind must be one of'),
                                      (['--model_config', '{"n_mfcc": 20}'], '--model_config must be a JSON object'),
                                      (['--model_config', '{"pools": [8, 8, 8]}'], 'each side needs at least'),
                                      (['--refit_from', 'x', '--preset', 'improved'], '--refit_from takes the recipe'),
                                      (['--refit_from', 'x', '--recipe', 'window_wide'], '--refit_from takes the recipe'),
                                      (['--recipe', 'best'], '--recipe must be one of'),
                                      (['--recipe', 'window_wide', '--preset', 'improved'], 'sets --preset itself'),
                                      (['--recipe', 'window_wide', '--features', '{"n_fft": 1024}'], 'sets --features itself'),
                                      (['--recipe', 'window_wide', '--overrides', '{"nope": 1}'], '--overrides must be a JSON object')])
def test_bad_arguments(synthetic_corpus, tmp_path, args, msg):
    r = _train('--data', str(synthetic_corpus), '--out', str(tmp_path), '--allow_incomplete', *args)
    assert r.returncode != 0 and msg in r.stderr

def test_missing_corpus(tmp_path):
    r = _train('--data', str(tmp_path / 'nope'), '--out', str(tmp_path))
    assert r.returncode != 0 and 'nope: corpus folder does not exist' in r.stderr

def test_overrides_reach_the_run(synthetic_corpus, tmp_path):
    r = _train('--data', str(synthetic_corpus), '--epochs', '1', '--out', str(tmp_path), '--allow_incomplete',
               '--overrides', '{"mixup": 0.2, "time_mask": 20, "speaker_norm": true, "speeds": [0.9, 1.1]}')
    assert r.returncode == 0, r.stderr[-2000:]
    tc = json.loads((tmp_path / 'metrics.json').read_text())['train_config']
    assert (tc['mixup'], tc['time_mask'], tc['speaker_norm'], tc['speeds'], tc['epochs'], tc['optimizer']) == (0.2, 20, True, [0.9, 1.1], 1, 'adamw')

def test_model_and_features_reach_the_run(synthetic_corpus, tmp_path):
    r = _train('--data', str(synthetic_corpus), '--epochs', '1', '--out', str(tmp_path), '--allow_incomplete',
               '--model', 'cnn_only', '--features', '{"kind": "logmel", "n_mels": 64}',
               '--model_config', '{"channels": [8, 16, 24], "cnn_dropout": 0.2}')
    assert r.returncode == 0, r.stderr[-2000:]
    m = json.loads((tmp_path / 'metrics.json').read_text())
    mc = m['model_config']
    assert (mc['transformer'], mc['n_cnn'], mc['n_mfcc'], mc['channels'], mc['cnn_dropout']) == (False, 2, 64, [8, 16, 24], 0.2)
    assert (m['feature_config']['kind'], m['feature_config']['n_mels']) == ('logmel', 64)

def test_recipe_runs_what_it_names(synthetic_corpus, tmp_path):
    "`--recipe` trains with the recipe's settings, `--overrides` added on top (one speed copy, to keep it short)"
    from ser_nb.evaluate import recipe_configs
    from ser_nb.features import FeatureConfig
    from ser_nb.train import TrainConfig
    r = _train('--data', str(synthetic_corpus), '--epochs', '1', '--out', str(tmp_path), '--allow_incomplete', '--device', 'cpu',
               '--recipe', 'window_wide', '--seed', '2', '--overrides', '{"speeds": [0.9]}')
    assert r.returncode == 0, r.stderr[-2000:]
    m = json.loads((tmp_path / 'metrics.json').read_text())
    tcfg, fcfg, mcfg = recipe_configs('window_wide', seed=2, speeds=[0.9], epochs=1)
    assert TrainConfig.from_dict(m['train_config']) == tcfg and FeatureConfig.from_dict(m['feature_config']) == fcfg
    assert m['model_config'] == json.loads(json.dumps(dataclasses.asdict(mcfg))) and (m['model_config']['channels'], m['model_config']['transformer']) == ([32, 64, 128], False)
