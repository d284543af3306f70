"Shared fixtures: the real RAVDESS corpus when $SER_NB_DATA names it, else a small synthetic one."
import os, shutil
from pathlib import Path
import pytest
from ser_nb.data import make_synthetic_corpus, is_real_corpus

@pytest.fixture(scope='session')
def synthetic_corpus(tmp_path_factory):
    "A 2-actor synthetic RAVDESS corpus, made fresh for this test session"
    return make_synthetic_corpus(tmp_path_factory.mktemp('syn'), actors=(1, 2), stereo=('03-01-03-01-01-01-01',))

@pytest.fixture(scope='session')
def real_corpus():
    "The real corpus, or skip when it is not on this machine"
    p = os.environ.get('SER_NB_DATA')
    if not p or not is_real_corpus(p): pytest.skip('real RAVDESS corpus not available (set SER_NB_DATA)')
    return Path(p)

@pytest.fixture
def corpus_copy(synthetic_corpus, tmp_path):
    "A private copy of the synthetic corpus that a test may damage"
    return Path(shutil.copytree(synthetic_corpus, tmp_path / 'corpus'))
