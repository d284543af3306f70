#!/usr/bin/env python3
"""Run shell commands from a job file, several at a time, until a deadline (for a lent GPU machine).

Job file: one job per line, `name<TAB>command`, in priority order; `#` lines are skipped.
Every job gets OMP_NUM_THREADS=1 and its own log `<logs>/<name>.log`; `<logs>/status.json` says what ran and how it ended.
No job starts after `--start_until` seconds; jobs still running at `--kill_at` seconds are stopped (their runs are lost).
"""
import argparse, json, os, signal, subprocess, time
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument('jobs'); ap.add_argument('--workers', type=int, default=12)
ap.add_argument('--start_until', type=float, default=300); ap.add_argument('--kill_at', type=float, default=420)
ap.add_argument('--logs', default='gpu/logs')
a = ap.parse_args()
logs = Path(a.logs); logs.mkdir(parents=True, exist_ok=True)
jobs = [l.split('\t', 1) for l in Path(a.jobs).read_text().splitlines() if l.strip() and not l.startswith('#')]
env = dict(os.environ, OMP_NUM_THREADS='1', PYTHONUNBUFFERED='1')
t0, running, status = time.time(), {}, {}
def save(): (logs / 'status.json').write_text(json.dumps(status, indent=1))
while jobs or running:
    now = time.time() - t0
    for name, (p, start) in list(running.items()):
        if p.poll() is not None:
            status[name] |= dict(rc=p.returncode, seconds=round(time.time() - start, 1)); del running[name]
            print(f"{now:6.0f}s done {name} rc={p.returncode} {status[name]['seconds']}s", flush=True)
    if now > a.kill_at:
        for name, (p, start) in running.items():
            os.killpg(p.pid, signal.SIGTERM); status[name] |= dict(rc='killed at deadline', seconds=round(time.time() - start, 1))
        print(f"{now:6.0f}s deadline: stopped {list(running)}; never started: {[n for n, _ in jobs]}", flush=True)
        for n, _ in jobs: status[n] = dict(rc='not started')
        break
    while jobs and len(running) < a.workers and now < a.start_until:
        name, cmd = jobs.pop(0)
        status[name] = dict(cmd=cmd, started=round(now, 1))
        running[name] = (subprocess.Popen(cmd, shell=True, env=env, start_new_session=True,
                                          stdout=open(logs / f'{name}.log', 'w'), stderr=subprocess.STDOUT), time.time())
    if not running and jobs and now >= a.start_until:
        for n, _ in jobs: status[n] = dict(rc='not started')
        break
    save(); time.sleep(1)
save()
print(json.dumps({k: v.get('rc') for k, v in status.items()}), flush=True)
