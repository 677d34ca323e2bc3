"""Extract tar archives with Python's tarfile and describe what was written (for the archive
differential test). One JSON request per line on stdin, one JSON answer per line on stdout:

  {"archive": PATH, "dest": DIR, "filter": "data" | null}, or {"describe": DIR} (no extraction);
  "remove": true deletes DIR once described
  -> {"ok": true, "tree": {NAME: {"type": "file", "sha256": HEX} | {"type": "symlink",
      "target": T, "sha256": HEX-of-what-it-resolves-to-inside-DEST-or-null} | {"type": "dir"}
      | {"type": "other"}}}
  -> {"ok": false, "error": "..."}

filter null is tarfile's default extraction (fully trusted on 3.11), "data" the data filter.
Every error raises (errorlevel 2): an archive both readers take must extract cleanly.
"""
import hashlib
import json
import os
import shutil
import stat
import sys
import tarfile


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def tree(root):
    out = {}
    root_real = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            rel = os.path.relpath(p, root)
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                real = os.path.realpath(p)
                inside = real.startswith(root_real + os.sep)
                ok = inside and os.path.isfile(real) and not os.path.islink(real)
                out[rel] = {'type': 'symlink', 'target': os.readlink(p), 'sha256': sha256(real) if ok else None}
            elif stat.S_ISREG(st.st_mode):
                out[rel] = {'type': 'file', 'sha256': sha256(p)}
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = {'type': 'dir'}
            else:
                out[rel] = {'type': 'other'}
    return out


def extract(req):
    if req.get('describe'):
        return tree(req['describe'])
    os.makedirs(req['dest'], exist_ok=True)
    with tarfile.open(req['archive'], errorlevel=2) as t:
        if req.get('filter'):
            t.extractall(req['dest'], filter=req['filter'])
        else:
            t.extractall(req['dest'])
    return tree(req['dest'])


def answer(req):
    try:
        return {'ok': True, 'tree': extract(req)}
    except Exception as e:  # any failure is an answer, never the end of the oracle
        return {'ok': False, 'error': f'{type(e).__name__}: {e}'}
    finally:
        if req.get('remove'):
            shutil.rmtree(req.get('describe') or req['dest'], ignore_errors=True)


def main():
    for line in sys.stdin:
        sys.stdout.write(json.dumps(answer(json.loads(line))) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
