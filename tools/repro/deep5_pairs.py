"""Items 37 and 38 (results/prereg.md): the window recipe with a fifth conv block against its four- and three-block runs,
fold by fold, and the fixed ensembles E40c (E39c + seed 4's five-block run) and E41c (the figure then + seed 0's).
`python tools/repro/deep5_pairs.py 4 0` (the seeds whose five-block runs exist)."""
import sys, json, pandas as pd
from pathlib import Path
from scipy.stats import ttest_rel
from ser_nb.goal import lever_ledger, gender_gap
from ser_nb.experiments import fold_scores, ensemble_folds, ensemble_summary
pd.set_option('display.width', 250); pd.set_option('display.max_columns', 20)
CPU = Path('results/experiments')
cpu = lambda n, s=0: CPU / (n + (f'-seed{s}' if s else ''))
WF = 'cnn_only-improved-speeds4-epochs40-bf16-win1024full'; DEEP, DEEP5 = WF + '-deep', WF + '-deep5'
seeds = [int(s) for s in sys.argv[1:]]
cpu5 = lambda s: CPU / f'{DEEP5}-seed{s}'  # seed 0 too is named, unlike the older runs
print(lever_ledger({'fifth block': {f'CPU s{s}': (cpu(DEEP, s), cpu5(s)) for s in seeds},
                    'three to five blocks': {f'CPU s{s}': (cpu(WF, s), cpu5(s)) for s in seeds}}).T)
for s in seeds:
    a, b, c = fold_scores(cpu(WF, s)), fold_scores(cpu(DEEP, s)), fold_scores(cpu5(s))
    print(f'seed {s}'); print(pd.concat({'three': a[['UA', 'valid UA']], 'four': b[['UA', 'valid UA', 'seconds']],
                                         'five': c[['UA', 'WA', 'valid UA', 'seconds']]}, axis=1).round(2))
    print('five blocks: mean UA %.2f sd %.2f WA %.2f valid %.2f min/fold %.2f' % (c.UA.mean(), c.UA.std(), c.WA.mean(), c['valid UA'].mean(), c.seconds.mean() / 60))
    for name, base in (('four', b), ('three', a)):
        d, dv = c.UA - base.UA, c['valid UA'] - base['valid UA']
        print(f'vs {name}: dUA', d.round(2).tolist(), 'mean %.2f better %d p %.3f' % (d.mean(), (d > 0).sum(), ttest_rel(c.UA, base.UA).pvalue),
              'dvalid mean %.2f' % dv.mean())
    print(gender_gap({'three': [cpu(WF, s)], 'four': [cpu(DEEP, s)], 'five': [cpu5(s)]}))
fig = json.loads(Path('results/experiments/ensemble-figure/summary.json').read_text())
E39c = [Path(m) for m in fig['members']][:20]  # the figure when item 37 was fixed: its first twenty runs
fixed = {'E39c': E39c, 'E40c': E39c + [cpu5(4)]}
tables = {k: ensemble_folds(m, None) for k, m in fixed.items()}
valid = lambda k: round(tables[k]['valid UA'].mean(), 6)
if 0 in seeds:  # the figure at that time: E40c only if its validation UA is higher than E39c's (a tie keeps E39c)
    fixed['E41c'] = fixed['E40c' if valid('E40c') > valid('E39c') else 'E39c'] + [cpu5(0)]
    tables['E41c'] = ensemble_folds(fixed['E41c'], None)
print(ensemble_summary({k: (len(fixed[k]), t) for k, t in tables.items()}))
for k in tables:
    if k == 'E39c': continue
    t = tables[k]; print(k, 'dUA', (t.UA - tables['E39c'].UA).round(2).tolist(), 'p %.3f' % ttest_rel(t.UA, tables['E39c'].UA).pvalue,
                         'dvalid', (t['valid UA'] - tables['E39c']['valid UA']).round(3).tolist(), 'WA %.2f' % t.WA.mean())
