"Bad inputs and the `ser_nb_data` command: each failure names the file and the cause."
import subprocess, sys
from pathlib import Path
import numpy as np, pytest, soundfile as sf
from ser_nb.data import *

FLAC = '03-01-05-02-01-01-01.flac'

def _cli(*args):
    "Run the installed `ser_nb_data` console script (as a user would)"
    return subprocess.run([str(Path(sys.executable).parent / 'ser_nb_data'), *args], capture_output=True, text=True)

def test_empty_file(tmp_path):
    p = tmp_path / '03-01-01-01-01-01-01.wav'; p.write_bytes(b'')
    with pytest.raises(AudioError, match=r'03-01-01-01-01-01-01\.wav: empty file'): load_clip(p)

def test_text_file_named_wav(tmp_path):
    p = tmp_path / 'notes.wav'; p.write_text('this is not audio\n')
    with pytest.raises(AudioError, match=r'notes\.wav: not an audio file'): load_clip(p)

def test_truncated_flac(corpus_copy):
    p = corpus_copy / 'Actor_01' / FLAC
    data = p.read_bytes(); p.write_bytes(data[:len(data) // 2])
    with pytest.raises(AudioError, match=rf'{FLAC}: (corrupt or truncated|truncated)'): load_clip(p)

def test_missing_file(tmp_path):
    with pytest.raises(AudioError, match='nowhere.wav: file does not exist'): load_clip(tmp_path / 'nowhere.wav')

def test_unknown_emotion_code(corpus_copy):
    bad = corpus_copy / 'Actor_01' / '03-01-09-01-01-01-01.flac'
    (corpus_copy / 'Actor_01' / FLAC).rename(bad)
    with pytest.raises(RavdessNameError, match=r'03-01-09-01-01-01-01\.flac: emotion code 09'): ravdess_table(corpus_copy)

def test_file_in_wrong_actor_folder(corpus_copy):
    (corpus_copy / 'Actor_01' / FLAC).rename(corpus_copy / 'Actor_02' / FLAC)
    with pytest.raises(RavdessNameError, match=r'actor 01 in the name but the file is in Actor_02'): ravdess_table(corpus_copy)

def test_missing_actor_and_clips_reported(corpus_copy):
    import shutil
    shutil.rmtree(corpus_copy / 'Actor_02'); (corpus_copy / 'Actor_01' / FLAC).unlink()
    rep = check_corpus(ravdess_table(corpus_copy), actors=(1, 2))
    assert not rep.complete and rep.missing_actors == [2] and rep.missing_clips == [FLAC[:-5]]
    assert 'missing actors [2]' in str(rep) and FLAC[:-5] in str(rep)
    with pytest.raises(FileNotFoundError, match='incomplete'): check_corpus(ravdess_table(corpus_copy), actors=(1, 2), strict=True)

def test_song_clips_left_out(corpus_copy):
    x = np.zeros(48000, dtype=np.float32)
    sf.write(corpus_copy / 'Actor_01' / '03-02-03-01-01-01-01.flac', x, 48000)
    assert len(ravdess_table(corpus_copy)) == 120
    assert len(ravdess_table(corpus_copy, speech_only=False)) == 121

@pytest.mark.parametrize('sr', [8000, 16000, 22050, 44100, 96000])
def test_any_rate_resampled(tmp_path, sr):
    t = np.arange(int(4 * sr)) / sr
    p = tmp_path / f'tone{sr}.wav'; sf.write(p, 0.5 * np.sin(2 * np.pi * 440 * t), sr)
    x = load_clip(p)
    assert x.shape == (N_SAMPLES,) and x.dtype == np.float32
    spec = np.abs(np.fft.rfft(x)); assert abs(np.argmax(spec) * SR / N_SAMPLES - 440) < 1  # still a 440 Hz tone

def test_short_clip_padded_long_cropped(tmp_path):
    sf.write(tmp_path / 'short.wav', np.ones(SR, dtype=np.float32) * 0.1, SR)
    x = load_clip(tmp_path / 'short.wav')
    assert x.shape == (N_SAMPLES,) and np.allclose(x[:SR // 2], 0.1, atol=1e-3) and (x[SR // 2:] == 0).all()

def test_cli_summary_ok(synthetic_corpus):
    r = _cli('--data', str(synthetic_corpus))
    assert 'neutral' in r.stdout and 'total' in r.stdout
    assert r.returncode == 1 and 'missing actors [3, 4' in r.stdout  # 2 of 24 actors: reported incomplete

def test_cli_missing_folder(tmp_path):
    r = _cli('--data', str(tmp_path / 'nope'))
    assert r.returncode != 0 and 'nope: corpus folder does not exist' in r.stderr

def test_real_corpus_complete(real_corpus):
    df = ravdess_table(real_corpus)
    assert len(df) == 1440 and df.actor.nunique() == 24
    assert df.emotion.value_counts().to_dict() == {e: 96 if e == 'neutral' else 192 for e in LABELS}
    assert check_corpus(df).complete
    r = _cli('--data', str(real_corpus)); assert r.returncode == 0 and 'complete: 1440 clips' in r.stdout
