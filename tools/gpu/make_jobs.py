#!/usr/bin/env python3
"""The GPU grids as job files for run_jobs.py: `name<TAB>command`, in priority order.

`make_jobs.py claims`: the grid of the first lease (2026-11-26, morning): the study's recipe and its claims.
`make_jobs.py improve`: the grid of the second lease (2026-11-26, afternoon): levers on the best model (CNN branches,
`improved`) for the speaker-independent goal, six folds each.
`make_jobs.py combine [SEEDS]`: the grid of the third lease (2026-11-27): speed copies + wider branches + 40 epochs
together (CNN branches, `improved`), six folds for each seed (default 0 1).
`make_jobs.py refit [SEEDS]`: the refits (`ser_nb_train --refit_from`) of those runs, six folds for each seed (default
0 1 2 3): each fold's recipe again on its training and validation actors, for the epochs its validation chose.
`make_jobs.py pitches [SEEDS]`: the `combine` recipe with two pitch-shifted copies of every training clip added
(`TrainConfig.pitches`), six folds for each seed (default 0 1 2 3), to pair with the third lease's runs.
`make_jobs.py range [SEEDS]`: the grid of the fourth lease (2026-11-27, afternoon): the `combine` recipe with a wider
range of speed copies, (0.8, 0.9, 1.1, 1.2) and (0.8, 1.2), six folds for each seed (default 0), to pair with the third
lease's runs (0.9, 1.1) of the same seed. `make_jobs.py range4 [SEEDS]`: only its four-copy runs (default seeds 2 3),
more seeds of the best single recipe measured.
`make_jobs.py window [SEEDS]`: the `range4` recipe with the 1024-sample window in a 2048-point FFT (default mel bank),
six folds for each seed (default 0 1), to pair with the four-copy runs of the same seeds: the recipe `window_wide`
(`ser_nb_train --recipe window_wide`); seeds 0-2 ran on the sixth lease (the road-to-70 chapter, "Wider, on the GPU").
`make_jobs.py voice [SEEDS]`: the `window` grid trained and scored with batch norm by voice (`TrainConfig.speaker_bn`),
six folds for each seed (default 0 1), to pair with the `window` runs of the same seeds (the road-to-70 chapter,
"Batch norm by voice").
"""
import sys
T = "ser_nb_train --data /tmp/rav --device cuda"
jobs = []
def seed_runs(variant, args, seeds=(0, 1, 2)):
    for s in seeds: jobs.append((f"seed-{variant}-{s}", f"{T} --protocol seed --seed {s} {args} --out gpu/seed/{variant}/seed{s}"))
def fold_runs(variant, args, folder=None):
    for f in range(1, 7): jobs.append((f"spk-{variant}-{f}", f"{T} --protocol speaker --fold {f} {args} --out gpu/{folder or 'speaker/' + variant}/fold{f}"))
x = 'experiments'
speeds, wide = """--overrides '{"speeds": [0.9, 1.1]}'""", """--model_config '{"channels": [32, 64, 128]}'"""
ranges = (('speeds4', '[0.8, 0.9, 1.1, 1.2]'), ('speeds-0.8-1.2', '[0.8, 1.2]'))  # the wider ranges of speed copies, the longest first
grid = sys.argv[1] if len(sys.argv) > 1 else 'claims'
if grid == 'claims':
    seed_runs('reference', '--preset reference')                      # the study's recipe, CUDA (80 epochs)
    fold_runs('reference', '--preset reference')                      # six folds of it: bench's six_fold.reference_ua_mean
    fold_runs('fast', '--preset fast')                                # the claims' baseline on this device
    seed_runs('fast', '--preset fast')                                # bench's time to the reference
    fold_runs('relu_before_bn', '--preset fast --model relu_before_bn', f'{x}/relu_before_bn')
    fold_runs('no_awgn', """--preset fast --overrides '{"n_copies": 0}'""", f'{x}/no_awgn')
    fold_runs('logmel', """--preset fast --features '{"kind": "logmel"}'""", f'{x}/logmel')
    fold_runs('whole_clip', """--preset fast --features '{"offset": 0, "duration": 5.3}'""", f'{x}/whole_clip')
    fold_runs('fresh_noise', """--preset fast --overrides '{"fresh_noise": true}'""", f'{x}/fresh_noise')
    fold_runs('snr_5_15', """--preset fast --overrides '{"snr_range": [5, 15]}'""", f'{x}/snr_5_15')
    for s in (1, 2): fold_runs(f'cnn_only-improved-seed{s}', f'--preset improved --model cnn_only --seed {s}', f'{x}/cnn_only-improved-seed{s}')
elif grid == 'improve':
    B = '--preset improved --model cnn_only'
    # the longest first, so that the queue packs well; the lever's runs beside a baseline on the same device
    fold_runs('speeds-wide', f'{B} {speeds} {wide}', f'{x}/cnn_only-improved-speeds-wide')
    fold_runs('speeds', f'{B} {speeds}', f'{x}/cnn_only-improved-speeds')
    fold_runs('epochs40', f'{B} --epochs 40', f'{x}/cnn_only-improved-epochs40')
    fold_runs('wide', f'{B} {wide}', f'{x}/cnn_only-improved-wide')
    fold_runs('base', B, f'{x}/cnn_only-improved')
    fold_runs('speeds-seed1', f'{B} {speeds} --seed 1', f'{x}/cnn_only-improved-speeds-seed1')
    fold_runs('base-seed2', f'{B} --seed 2', f'{x}/cnn_only-improved-seed2')
    fold_runs('base-seed3', f'{B} --seed 3', f'{x}/cnn_only-improved-seed3')
elif grid == 'combine':
    B = f'--preset improved --model cnn_only --epochs 40 {speeds} {wide}'
    for s in (sys.argv[2:] or ['0', '1']):
        fold_runs(f'speeds-wide-epochs40-seed{s}', f'{B} --seed {s}', f'{x}/cnn_only-improved-speeds-wide-epochs40' + (f'-seed{s}' if s != '0' else ''))
elif grid == 'refit':  # reads the source runs' metrics.json, which travel with the tracked tree
    for s in (sys.argv[2:] or ['0', '1', '2', '3']):
        run = f'{x}/cnn_only-improved-speeds-wide-epochs40' + (f'-seed{s}' if s != '0' else '')
        fold_runs(f'refit-seed{s}', f'--refit_from results/cuda/{run}', f'{run}-refit')
elif grid == 'pitches':
    B = f"""--preset improved_speed_long --model cnn_only --overrides '{{"pitches": [0.9, 1.1]}}' {wide}"""  # combine's recipe (that preset) + pitch copies
    for s in (sys.argv[2:] or ['0', '1', '2', '3']):
        fold_runs(f'pitches-seed{s}', f'{B} --seed {s}', f'{x}/cnn_only-improved-speeds-pitches-wide-epochs40' + (f'-seed{s}' if s != '0' else ''))
elif grid in ('range', 'range4'):
    B = f'--preset improved_speed_long --model cnn_only {wide}'  # combine's recipe, its speed factors replaced
    for s in (sys.argv[2:] or (['0'] if grid == 'range' else ['2', '3'])):
        for name, factors in ranges[:1 if grid == 'range4' else None]:
            fold_runs(f'{name}-seed{s}', f"""{B} --overrides '{{"speeds": {factors}}}' --seed {s}""",
                      f'{x}/cnn_only-improved-{name}-wide-epochs40' + (f'-seed{s}' if s != '0' else ''))
elif grid == 'window':
    B = '--recipe window_wide'  # `ser_nb.evaluate.RECIPES`; the sixth lease's runs spelt it out as range4's flags + the window's features, the same configs (chapter 09 checks)
    for s in (sys.argv[2:] or ['0', '1']):
        fold_runs(f'window-seed{s}', f'{B} --seed {s}', f'{x}/cnn_only-improved-speeds4-wide-epochs40-win1024full' + (f'-seed{s}' if s != '0' else ''))
elif grid == 'voice':
    B = """--recipe window_wide --overrides '{"speaker_bn": true}'"""  # `--overrides` adds to the recipe's own
    for s in (sys.argv[2:] or ['0', '1']):
        fold_runs(f'voice-seed{s}', f'{B} --seed {s}', f'{x}/cnn_only-improved-speeds4-wide-epochs40-win1024full-spkbn' + (f'-seed{s}' if s != '0' else ''))
else: raise SystemExit(f"unknown grid {grid!r}: 'claims', 'improve', 'combine', 'refit', 'pitches', 'range', 'range4', 'window' or 'voice'")
print('\n'.join(f"{n}\t{c}" for n, c in jobs))
