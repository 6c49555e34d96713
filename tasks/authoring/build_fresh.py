"""Writes the batches of separately briefed authors (run: python3 tasks/authoring/build_fresh.py):
- tasks/routing-authors.jsonl from the batches in FITTED: fitted on (in TRAINING_SETS);
- tasks/routing-fresh.jsonl from the batches in FRESH: never fitted on, the router's measure on new authors.
Each batch is 54 tasks (18 per tier) written to the rubric by an author who saw neither the router nor any other
labelled set; ids <set>-<batch>-NNN."""
import importlib, json, os, sys
from collections import Counter
here = os.path.dirname(__file__)
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, 'fresh'))
import lib

def write(name, batches):
    out = os.path.join(here, '..', f'routing-{name}.jsonl')
    tasks = []
    with open(out, 'w') as f:
        for batch in batches:
            start = len(lib.TASKS)
            importlib.import_module(f'batch_fresh_{batch}')
            for n, task in enumerate(lib.TASKS[start:], 1):
                tasks.append(task)
                f.write(json.dumps({'id': f'{name}-{batch}-{n:03d}', **task}) + '\n')
    print(out, len(tasks), Counter(x['expected']['tier'] for x in tasks))

# Each batch was scored once before anyone read it, then (but for FRESH) joined the fitted corpus; see README.md.
FITTED = list('abcdefghijklmnopqrstuvwxyz')
FRESH = [b for b in ['aa', 'ab', 'ac'] if os.path.exists(os.path.join(here, 'fresh', f'batch_fresh_{b}.py'))]

write('authors', FITTED)
write('fresh', FRESH)
