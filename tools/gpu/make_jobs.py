#!/usr/bin/env python3
"The GPU grid of 2026-11-26 as a job file for run_jobs.py: `name<TAB>command`, longest and most needed first"
T = "ser_nb_train --data /tmp/rav --device cuda"
jobs = []
def seed_runs(variant, args, seeds=(0, 1, 2)):
    for s in seeds: jobs.append((f"seed-{variant}-{s}", f"{T} --protocol seed --seed {s} {args} --out gpu/seed/{variant}/seed{s}"))
def fold_runs(variant, args, folder=None):
    for f in range(1, 7): jobs.append((f"spk-{variant}-{f}", f"{T} --protocol speaker --fold {f} {args} --out gpu/{folder or 'speaker/' + variant}/fold{f}"))
seed_runs('reference', '--preset reference')                      # the study's recipe, CUDA (80 epochs)
fold_runs('reference', '--preset reference')                      # six folds of it: bench's six_fold.reference_ua_mean
fold_runs('fast', '--preset fast')                                # the claims' baseline on this device
seed_runs('fast', '--preset fast')                                # bench's time to the reference
x = 'experiments'
fold_runs('relu_before_bn', '--preset fast --model relu_before_bn', f'{x}/relu_before_bn')
fold_runs('no_awgn', """--preset fast --overrides '{"n_copies": 0}'""", f'{x}/no_awgn')
fold_runs('logmel', """--preset fast --features '{"kind": "logmel"}'""", f'{x}/logmel')
fold_runs('whole_clip', """--preset fast --features '{"offset": 0, "duration": 5.3}'""", f'{x}/whole_clip')
fold_runs('fresh_noise', """--preset fast --overrides '{"fresh_noise": true}'""", f'{x}/fresh_noise')
fold_runs('snr_5_15', """--preset fast --overrides '{"snr_range": [5, 15]}'""", f'{x}/snr_5_15')
for s in (1, 2): fold_runs(f'cnn_only-improved-seed{s}', f'--preset improved --model cnn_only --seed {s}', f'{x}/cnn_only-improved-seed{s}')
print('\n'.join(f"{n}\t{c}" for n, c in jobs))
