"""`ser_nb_train` from the package copy on PYTHONPATH, not from the editable checkout (whose import finder comes first in
`sys.meta_path`), so that edits made while a long run goes on cannot reach its later folds. Used by `cpu_pairs.sh`."""
import os, sys
sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, '__module__', '').startswith('__editable__')]
snapshot = os.environ.get('PYTHONPATH', '').split(os.pathsep)[0].rstrip('/') + '/'
try: import ser_nb
except ModuleNotFoundError: raise SystemExit(f'error: no ser_nb package in the snapshot {snapshot} (PYTHONPATH)')
if not ser_nb.__file__.startswith(snapshot): raise SystemExit(f'error: ser_nb came from {ser_nb.__file__}, not the snapshot {snapshot}')
from ser_nb.evaluate import train_cli
train_cli()
