#!/usr/bin/env python3
"""What CPython itself does with a pickle or a zip, for differential tests of the scanner.

Reads a JSON list of requests on stdin, writes a JSON list of answers on stdout (the input
is a file "path" or its bytes as "hex"):
  {"kind": "pickle", "hex": H, "torch": bool}
      -> {"imports": {"c-file": [...], "c-bytes": [...], "python": [...]}, "errors": {...}}
     The pickle is loaded three ways - pickle.Unpickler over a file object (as torch.load
     reads), pickle.loads-style over bytes, and the pure-Python unpickler - with find_class
     replaced by a recorder that returns an inert stub, so nothing is imported or run. With
     "torch", up to five pickles are loaded in a row as torch.load's legacy format does
     (continuing only while the first yields the magic number or a stub).
  {"kind": "zip", "hex": H}
      -> {"members": {name: sha256 hex}} or {"error": message}: what Python's zipfile reads.
"""
import hashlib
import io
import json
import pickle
import resource
import sys
import zipfile

MAGIC = 0x1950A86A20F9469CFC6C


class Stub:
    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        return Stub()

    def __setstate__(self, state):
        pass

    def __setitem__(self, key, value):
        pass

    def append(self, value):
        pass

    def extend(self, values):
        pass

    def add(self, value):
        pass


def recorder(base):
    class Recording(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.seen = []

        def find_class(self, module, name):
            self.seen.append(f"{module}.{name}")
            return Stub

        def persistent_load(self, pid):
            return Stub()

    return Recording


C_UNPICKLER = recorder(pickle.Unpickler)
PY_UNPICKLER = recorder(pickle._Unpickler)


def load_all(data, make, torch):
    """Imports seen over the pickles a loader reads, and the error that stopped it."""
    f = io.BytesIO(data)
    seen = []
    for i in range(5 if torch else 1):
        u = make(f)
        try:
            value = u.load()
        except Exception as e:  # noqa: BLE001 - any failure ends the load, as in torch.load
            seen += u.seen
            return seen, f"{type(e).__name__}: {e}"[:200]
        seen += u.seen
        if i == 0 and not (value == MAGIC or isinstance(value, Stub) or value is Stub):
            break
        if f.tell() >= len(data):
            break
    return seen, None


class Whole:
    """A file whose every read returns all that is left: the C unpickler then works from one
    in-memory buffer, as pickle.loads does (it accepts a read that returns more than asked)."""

    def __init__(self, b):
        self.b = b
        self.pos = 0

    def read(self, n=-1):
        out = self.b[self.pos :]
        self.pos = len(self.b)
        return out

    def readline(self):
        return self.read()


def bytes_mode(data):
    u = C_UNPICKLER(Whole(data))
    try:
        u.load()
    except Exception as e:  # noqa: BLE001
        return u.seen, f"{type(e).__name__}: {e}"[:200]
    return u.seen, None


def data_of(req):
    if "hex" in req:
        return bytes.fromhex(req["hex"])
    with open(req["path"], "rb") as fh:
        return fh.read()


def answer(req):
    data = data_of(req)
    if req["kind"] == "zip":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return {"members": {i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist() if not i.is_dir()}}
        except Exception as e:  # noqa: BLE001
            return {"error": f"{type(e).__name__}: {e}"[:200]}
    torch = bool(req.get("torch"))
    out = {"imports": {}, "errors": {}}
    for mode, make in (("c-file", C_UNPICKLER), ("python", PY_UNPICKLER)):
        seen, err = load_all(data, make, torch)
        out["imports"][mode] = seen
        out["errors"][mode] = err
    seen, err = bytes_mode(data)
    out["imports"]["c-bytes"] = seen
    out["errors"]["c-bytes"] = err
    return out


def main():
    requests = json.load(sys.stdin)
    # A mutated length makes the unpicklers allocate it before reading (BINBYTES: up to 4 GiB):
    # bounded here, such an allocation fails at once (MemoryError, an error like any other).
    resource.setrlimit(resource.RLIMIT_AS, (768 << 20, 768 << 20))
    json.dump([answer(r) for r in requests], sys.stdout)


if __name__ == "__main__":
    main()
