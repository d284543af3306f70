"`ser_nb_predict` on generated audio and bad inputs: every file gets a result or an error line naming it; nothing crashes."
import json, shutil, subprocess, sys
from pathlib import Path
import numpy as np, pytest, soundfile as sf, torch
from ser_nb.data import LABELS, AudioError, read_audio
from ser_nb.features import FeatureConfig, Standardiser, clip_features
from ser_nb.model import ModelConfig, build_model
from ser_nb.predict import Ensemble, load_model, load_models
from ser_nb.train import TrainConfig, model_checkpoint

SR = 48_000
RATES = (8_000, 16_000, 22_050, 44_100, 96_000)

def _cli(*args, cwd=None):
    "Run the installed `ser_nb_predict` console script (as a user would)"
    return subprocess.run([str(Path(sys.executable).parent / 'ser_nb_predict'), *map(str, args), '--device', 'cpu'],
                          capture_output=True, text=True, cwd=cwd)

@pytest.fixture(scope='module')
def checkpoint(synthetic_corpus, tmp_path_factory):
    "An untrained model saved with everything a trained checkpoint holds (its standardiser fitted on 8 clips)"
    fcfg, mcfg = FeatureConfig(), ModelConfig()
    clips = sorted(synthetic_corpus.rglob('*.flac'))[::15]
    std = Standardiser().fit(clip_features(clips, fcfg, cache=False, progress=False))
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp('ckpt') / 'model.pt'
    torch.save(model_checkpoint(build_model(mcfg), mcfg, fcfg, TrainConfig(), std, epoch=0), path)
    return path

@pytest.fixture(scope='module')
def speaker_checkpoint(synthetic_corpus, tmp_path_factory):
    "An untrained model saved as a `speaker_norm` run saves it: `ser_nb_predict` must first make each voice's profile"
    fcfg, mcfg = FeatureConfig(), ModelConfig()
    std = Standardiser().fit(clip_features(sorted(synthetic_corpus.rglob('*.flac'))[::15], fcfg, cache=False, progress=False))
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp('ckpt-spk') / 'model.pt'
    torch.save(model_checkpoint(build_model(mcfg), mcfg, fcfg, TrainConfig(speaker_norm=True), std, epoch=0), path)
    return path

@pytest.fixture(scope='module')
def speech(synthetic_corpus):
    "A 3.6 s synthetic RAVDESS clip at 48 kHz (angry, actor 1)"
    return read_audio(synthetic_corpus / 'Actor_01' / '03-01-05-01-01-01-01.flac')[0][0]

@pytest.fixture(scope='module')
def folder(speech, tmp_path_factory):
    "Every kind of input the issue names, good and bad, in one folder tree"
    from ser_nb.data import resample
    d = tmp_path_factory.mktemp('inputs')
    for r in RATES: sf.write(d / f'rate_{r}.wav', resample(speech, SR, r), r, subtype='FLOAT')
    sf.write(d / 'stereo.wav', np.stack([speech, 0.5 * speech], axis=1), SR)
    sf.write(d / 'short.wav', speech[SR:SR + int(0.3 * SR)], SR)
    sf.write(d / 'long.flac', np.tile(speech, 17)[:60 * SR], SR)
    sf.write(d / 'silence.wav', np.zeros(2 * SR, np.float32), SR)
    sf.write(d / 'clipped.wav', np.clip(10 * speech / np.abs(speech).max(), -1, 1), SR)
    (d / 'sub').mkdir()
    sf.write(d / 'sub' / 'same.wav', speech, SR, subtype='PCM_16'); sf.write(d / 'sub' / 'same.flac', speech, SR, subtype='PCM_16')
    sf.write(d / 'sub' / 'same.ogg', speech, SR, format='OGG', subtype='VORBIS')
    (d / 'sub' / 'empty.wav').write_bytes(b'')
    (d / 'sub' / 'text.wav').write_text('this is not audio\n')
    (d / 'notes.txt').write_text('not picked up: not an audio suffix\n')
    return d

@pytest.fixture(scope='module')
def json_run(checkpoint, folder):
    "One `--json` run over the whole folder (a console-script start costs seconds): returncode, {file: object}"
    r = _cli(checkpoint, folder, '--json', '--batch_size', '8')
    return r, {Path(o['file']).relative_to(folder).as_posix(): o for o in map(json.loads, r.stdout.splitlines())}

def test_every_file_gets_one_line(json_run):
    r, out = json_run
    assert sorted(out) == sorted(['clipped.wav', 'long.flac', 'short.wav', 'silence.wav', 'stereo.wav', 'sub/empty.wav',
                                  'sub/same.flac', 'sub/same.ogg', 'sub/same.wav', 'sub/text.wav'] + [f'rate_{r}.wav' for r in RATES])
    assert r.returncode == 1  # two files failed

@pytest.mark.parametrize('name', [f'rate_{r}.wav' for r in RATES] + ['stereo.wav', 'clipped.wav', 'sub/same.ogg'])
def test_scored(json_run, name):
    o = json_run[1][name]
    assert o['label'] in LABELS and not o['silent'] and set(o['probs']) == set(LABELS)
    assert abs(sum(o['probs'].values()) - 1) < 1e-4 and o['prob'] == max(o['probs'].values())
    assert len(o['windows']) == 1 and o['windows'][0]['start'] == 0.5 and abs(o['seconds'] - 3.6) < 1e-3

def test_clipped_reported(json_run):
    assert json_run[1]['clipped.wav']['clipped'] > 0.05 and json_run[1]['stereo.wav']['clipped'] == 0

def test_short_and_long(json_run):
    short, long = json_run[1]['short.wav'], json_run[1]['long.flac']
    assert short['label'] in LABELS and [(w['start'], w['end']) for w in short['windows']] == [(0.0, 0.3)]
    assert long['seconds'] == 60 and len(long['windows']) == 39 and long['windows'][-1]['end'] == 60
    mean = {l: np.mean([w['probs'][l] for w in long['windows']]) for l in LABELS}
    assert all(abs(mean[l] - long['probs'][l]) < 1e-5 for l in LABELS)  # the mean of the window probabilities

def test_silence_is_not_an_emotion(json_run):
    o = json_run[1]['silence.wav']
    assert o['silent'] and o['label'] is None and o['probs'] is None and o['windows'][0]['rms_dbfs'] == -200

def test_wav_and_flac_agree(json_run):
    assert json_run[1]['sub/same.wav']['probs'] == json_run[1]['sub/same.flac']['probs']

def test_bad_files_named_with_cause(json_run, folder):
    out = json_run[1]
    assert out['sub/empty.wav'] == {'file': str(folder / 'sub' / 'empty.wav'), 'error': f"{folder / 'sub' / 'empty.wav'}: empty file (0 bytes)"}
    assert out['sub/text.wav']['error'].startswith(f"{folder / 'sub' / 'text.wav'}: not an audio file")

def test_plain_lines_and_errors_on_stderr(checkpoint, folder):
    r = _cli(checkpoint, 'sub', 'silence.wav', 'missing.wav', cwd=folder)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert [l.split('\t')[0] for l in lines] == ['sub/same.flac', 'sub/same.ogg', 'sub/same.wav', 'silence.wav']
    assert lines[0].split('\t')[1] in LABELS and 0 < float(lines[0].split('\t')[2]) <= 1
    assert lines[-1] == 'silence.wav\tsilence\t-'
    err = r.stderr.splitlines()
    assert err[0] == 'error: sub/empty.wav: empty file (0 bytes)' and err[2] == 'error: missing.wav: file does not exist'
    assert err[1].startswith('error: sub/text.wav: not an audio file') and len(err) == 3

def test_all_good_exits_zero(checkpoint, folder):
    r = _cli(checkpoint, folder / 'sub' / 'same.wav', folder / 'short.wav')
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 2 and r.stderr == ''

def test_folder_without_audio(checkpoint, tmp_path):
    (tmp_path / 'readme.txt').write_text('nothing to hear')
    r = _cli(checkpoint, tmp_path)
    assert r.returncode == 1 and f'{tmp_path}: no audio files' in r.stderr

def test_bad_model(tmp_path, folder):
    (tmp_path / 'model.pt').write_text('not a checkpoint')
    r = _cli(tmp_path / 'model.pt', folder / 'short.wav')
    assert r.returncode == 2 and 'model.pt: not a readable ser_nb checkpoint' in r.stderr
    r = _cli(tmp_path / 'nowhere.pt', folder / 'short.wav')
    assert r.returncode == 2 and 'nowhere.pt' in r.stderr

def test_help_lists_options():
    r = subprocess.run([str(Path(sys.executable).parent / 'ser_nb_predict'), '--help'], capture_output=True, text=True)
    assert r.returncode == 0 and all(o in r.stdout for o in ('--json', '--device', '--batch_size', '--voice', 'model', 'paths'))

def test_api_errors(checkpoint, folder):
    pr = load_model(checkpoint, device='cpu')
    with pytest.raises(AudioError, match='empty.wav: empty file'): pr.predict(folder / 'sub' / 'empty.wav')
    res = pr.predict([folder / 'sub' / 'text.wav', folder / 'short.wav'], errors='return')
    assert [r.ok for r in res] == [False, True] and 'not an audio file' in res[0].error

def test_speaker_normalised_model_scores_each_folder_as_one_voice(speaker_checkpoint, folder):
    "Every readable file of each folder gets a line; the unreadable ones an error naming them; a thin voice a warning"
    r = _cli(speaker_checkpoint, folder, '--json')
    out = {Path(o['file']).relative_to(folder).as_posix(): o for o in map(json.loads, r.stdout.splitlines())}
    assert r.returncode == 1 and len(out) == 15  # the two unreadable files of sub/ fail, their folder's voice is still made
    assert 'not an audio file' in out['sub/text.wav']['error'] and all(o['label'] in LABELS for k, o in out.items() if 'error' not in o and not o['silent'])
    assert 'warning: voice' in r.stderr and 'sub' in r.stderr  # sub/ has three readable clips: a thin profile
    pr = load_model(speaker_checkpoint, device='cpu')
    same = [folder / 'sub' / f for f in ('same.flac', 'same.ogg', 'same.wav')]
    want = pr.predict(same, speaker=pr.speaker_profile(same))
    np.testing.assert_allclose([list(out[f'sub/{p.name}']['probs'].values()) for p in same], [list(q.probs.values()) for q in want], atol=1e-5)

def test_speaker_normalised_model_needs_a_voice(speaker_checkpoint, folder):
    pr = load_model(speaker_checkpoint, device='cpu')
    with pytest.raises(ValueError, match='pass speaker='): pr.predict(folder / 'short.wav')
    r = _cli(speaker_checkpoint, folder / 'short.wav', '--voice', 'speaker')
    assert r.returncode == 2 and '--voice must be one of folder, all, file' in r.stderr

def test_folder_of_models_is_one_ensemble(checkpoint, speaker_checkpoint, folder, tmp_path):
    "A folder as MODEL: its model.pt files heard as one, each file given the mean of the members' probabilities"
    for k, ck in enumerate((checkpoint, speaker_checkpoint), 1):
        (tmp_path / f'fold{k}').mkdir(); shutil.copy(ck, tmp_path / f'fold{k}' / 'model.pt')
    r = _cli(tmp_path, folder / 'sub', '--json')
    out = {Path(o['file']).name: o for o in map(json.loads, r.stdout.splitlines())}
    assert r.returncode == 1 and sorted(out) == ['empty.wav', 'same.flac', 'same.ogg', 'same.wav', 'text.wav']
    assert 'empty.wav: empty file' in out['empty.wav']['error']
    same = [folder / 'sub' / f for f in ('same.flac', 'same.ogg', 'same.wav')]
    plain, spk = load_model(checkpoint, device='cpu'), load_model(speaker_checkpoint, device='cpu')
    want = np.mean([[list(q.probs.values()) for q in plain.predict(same)],
                    [list(q.probs.values()) for q in spk.predict(same, speaker=spk.speaker_profile(same))]], axis=0)
    np.testing.assert_allclose([list(out[p.name]['probs'].values()) for p in same], want, atol=1e-5)
    assert isinstance(load_models(tmp_path, device='cpu'), Ensemble)

def test_folder_without_models(tmp_path, folder):
    r = _cli(tmp_path, folder / 'short.wav')
    assert r.returncode == 2 and f'{tmp_path}: no model.pt under this folder' in r.stderr
