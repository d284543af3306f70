"""Items 33 and 34 (results/prereg.md): the window recipe with a fourth conv block against its three-block runs, fold by fold,
and the fixed ensembles E26, E35c, E36c (seed 0's run), E37c, E38c and D3 (seed 1's), E39c and D4 (seed 2's), and, item 39,
E42c (the figure E40c + seed 3's run) and D5 (D4 + it), and, item 40, E43c (E40c + seed 5's run, which has no three-block
pair) and D6 (D5 + it), and, item 41, E44c (the figure after item 40 + seed 6's run) and D7 (D6 + it).
`python tools/repro/deep_pairs.py 4 0 1 2 3 5 6` (the seeds whose runs exist)."""
import sys, json, numpy as np, pandas as pd
from pathlib import Path
from scipy.stats import ttest_rel
from ser_nb.goal import lever_ledger, gender_gap, config_changes
from ser_nb.experiments import fold_scores, ensemble_folds, ensemble_summary, with_mean_sd
pd.set_option('display.width', 250); pd.set_option('display.max_columns', 20)
CPU = Path('results/experiments'); GPU = Path('results/cuda/experiments')
cpu = lambda n, s=0: CPU / (n + (f'-seed{s}' if s else ''))
WF = 'cnn_only-improved-speeds4-epochs40-bf16-win1024full'; DEEP = WF + '-deep'
seeds = [int(s) for s in sys.argv[1:]]
paired = [s for s in seeds if cpu(WF, s).exists()]  # seed 5 has no three-block window run
pairs = {f'CPU s{s}': (cpu(WF, s), cpu(DEEP, s)) for s in paired}
print(lever_ledger({'deeper': pairs}).T)
for s in sorted(set(seeds) - set(paired)):
    b = fold_scores(cpu(DEEP, s))
    print(f'seed {s} (no three-block pair)'); print(b[['UA', 'WA', 'valid UA', 'seconds']].round(2))
    print('mean UA %.2f sd %.2f WA %.2f valid %.2f min/fold %.2f' % (b.UA.mean(), b.UA.std(), b.WA.mean(), b['valid UA'].mean(), b.seconds.mean() / 60))
    print(gender_gap({'deep': [cpu(DEEP, s)]}))
for s in paired:
    a, b = fold_scores(cpu(WF, s)), fold_scores(cpu(DEEP, s))
    print(f'seed {s}'); print(pd.concat({'window': a[['UA', 'valid UA', 'seconds']], 'deep': b[['UA', 'WA', 'valid UA', 'seconds']]}, axis=1).round(2))
    print('mean UA %.2f sd %.2f WA %.2f valid %.2f min/fold %.2f' % (b.UA.mean(), b.UA.std(), b.WA.mean(), b['valid UA'].mean(), b.seconds.mean() / 60))
    print('diff', (b.UA - a.UA).round(2).tolist())
    print(gender_gap({'window': [cpu(WF, s)], 'deep': [cpu(DEEP, s)]}))
fig = json.loads(Path('results/experiments/ensemble-figure/summary.json').read_text())
E26 = [Path(m) for m in fig['members']][:18]  # the figure is E35c: E26's eighteen members, then the seed-4 run
fixed = {'E26': E26, 'E35c': E26 + [cpu(DEEP, 4)]}
if 0 in seeds: fixed['E36c'] = E26 + [cpu(DEEP, 4), cpu(DEEP, 0)]
if 1 in seeds: fixed |= {'E37c': fixed['E35c'] + [cpu(DEEP, 1)], 'E38c': E26 + [cpu(DEEP, s) for s in (4, 0, 1)],
                         'D3': [cpu(DEEP, s) for s in (4, 0, 1)]}  # item 35: the four-block runs alone
if 2 in seeds: fixed |= {'E39c': fixed['E35c'] + [cpu(DEEP, 2)], 'D4': fixed['D3'] + [cpu(DEEP, 2)]}  # item 36
if 3 in seeds:  # item 39, against the figure when it was fixed, E40c: its first twenty-one runs
    fixed |= {'E40c': [Path(m) for m in fig['members']][:21], 'D5': fixed['D4'] + [cpu(DEEP, 3)]}
    fixed['E42c'] = fixed['E40c'] + [cpu(DEEP, 3)]
if 5 in seeds:  # item 40: the figure was still E40c
    fixed |= {'E43c': fixed['E40c'] + [cpu(DEEP, 5)], 'D6': fixed['D5'] + [cpu(DEEP, 5)]}
tables = {k: ensemble_folds(m, None) for k, m in fixed.items()}
if 6 in seeds:  # item 41: against the figure after item 40's rule, E43c then D6 each against the figure of its moment
    figure = 'E40c'
    for k in ('E43c', 'D6'):
        if tables[k]['valid UA'].mean() > tables[figure]['valid UA'].mean(): figure = k
    print('the figure after item 40:', figure)
    fixed |= {'E44c': fixed[figure] + [cpu(DEEP, 6)], 'D7': fixed['D6'] + [cpu(DEEP, 6)]}
    tables |= {k: ensemble_folds(fixed[k], None) for k in ('E44c', 'D7')}
print(ensemble_summary({k: (len(fixed[k]), t) for k, t in tables.items()}))
for k in tables:
    if k == 'E26': continue
    t = tables[k]; print(k, 'dUA', (t.UA - tables['E26'].UA).round(2).tolist(), 'p %.3f' % ttest_rel(t.UA, tables['E26'].UA).pvalue,
                         'dvalid', (t['valid UA'] - tables['E26']['valid UA']).round(3).tolist(), 'WA %.2f' % t.WA.mean())
if 3 in seeds:
    for k in [k for k in ('E42c', 'D5', 'E43c', 'D6', 'E44c', 'D7') if k in tables]:  # items 39 to 41: each against the figure E40c
        d = tables[k].UA - tables['E40c'].UA
        print(k, 'vs E40c dUA', d.round(2).tolist(), 'better', int((d > 0).sum()), 'p %.3f' % ttest_rel(tables[k].UA, tables['E40c'].UA).pvalue,
              'valid clips', ((tables[k]['valid UA'] - tables['E40c']['valid UA']) * 128 / 100).round(2).tolist())
        print(gender_gap({k: fixed[k]}))
for k in ('D3', 'D4'):  # the four-block runs alone, against the figure E35c (items 35, 36)
    if k not in tables: continue
    d = tables[k].UA - tables['E35c'].UA
    print(k, 'vs E35c dUA', d.round(2).tolist(), 'better', int((d > 0).sum()), 'p %.3f' % ttest_rel(tables[k].UA, tables['E35c'].UA).pvalue,
          'valid clips', ((tables[k]['valid UA'] - tables['E35c']['valid UA']) * 128 / 100).round(2).tolist())
    print(gender_gap({k: fixed[k]}))
