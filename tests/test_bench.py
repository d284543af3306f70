"`ser_nb_bench --short` end to end: the command CI runs to check the benchmark works (not how fast it is)."
import json, subprocess, sys
from pathlib import Path

def _bench(*args):
    return subprocess.run([str(Path(sys.executable).parent / 'ser_nb_bench'), *args], capture_output=True, text=True)

KEYS = ['train.eager_samples_per_s', 'train.fast_samples_per_s', 'train.speedup', 'train.fraction_of_peak',
        'time_to_reference.seconds', 'time_to_reference.test_wa', 'time_to_reference.reference_seconds',
        'time_to_reference.reference_test_wa', 'time_to_71_3.seconds', 'time_to_71_3.test_wa',
        'features.librosa_clips_per_s', 'features.default_clips_per_s', 'features.cache_hit_seconds',
        'predict.latency_ms_per_clip']

def test_short_bench_writes_every_key(tmp_path):
    r = _bench('--short', '--out', str(tmp_path), '--device', 'cpu')
    assert r.returncode == 0, r.stderr[-2000:]
    res = json.loads((tmp_path / 'bench-cpu-short.json').read_text())
    for k in KEYS:
        part, key = k.split('.')
        assert key in res[part], k
    t = res['train']
    assert t['eager_samples_per_s'] > 0 and t['fast_samples_per_s'] > 0
    assert abs(t['speedup'] - t['fast_samples_per_s'] / t['eager_samples_per_s']) < 0.01
    assert 0 < t['gflop_per_sample'] < 1 and res['features']['cache_hits'] == 1
    assert (tmp_path / 'bench-short' / 'seed' / 'fast' / 'seed0' / 'metrics.json').exists()

def test_bad_preset(tmp_path):
    r = _bench('--short', '--out', str(tmp_path), '--preset', 'best')
    assert r.returncode != 0 and '--preset must be one of' in r.stderr

def test_short_bench_of_a_speaker_normalised_preset(tmp_path):
    r = _bench('--short', '--out', str(tmp_path), '--device', 'cpu', '--preset', 'improved')
    assert r.returncode == 0, r.stderr[-2000:]
    res = json.loads((tmp_path / 'bench-cpu-improved-short.json').read_text())
    assert res['predict']['latency_ms_per_clip'] > 0  # timed with a voice profile made beforehand
