"""Authoring helpers for tasks/routing-corpus.jsonl (run: python3 tasks/authoring/build.py).
Every task's text and label is written by hand in batch_*.py; this file only adds structure."""
import json

TASKS = []

def t(tier, type_, desc, files=(), reqs=(), fw=None, lang='typescript'):
    payload = {}
    if lang:
        payload['language'] = lang
    if fw:
        payload['framework'] = fw
    payload['files'] = [{'path': p, 'content': c.strip('\n') + '\n'} for p, c in files]
    if reqs:
        payload['requirements'] = list(reqs)
    TASKS.append({'type': type_, 'description': desc, 'payload': payload, 'expected': {'tier': tier}})

def lines(n, fn):
    return '\n'.join(fn(i) for i in range(n))
