#!/usr/bin/env python3
"""An independent OMS v1.0 check, written from the spec rather than from modelsign's code.

Uses only the Python standard library and the openssl command line: decodes the bundle, checks
the DSSE signature over PAE(payloadType, payload) with `openssl dgst -verify` (DER ECDSA with the
curve's hash, or Ed25519 via pkeyutl), recomputes every resource's SHA-256 (whole files, or the
byte ranges of the shards method) and the root digest (SHA-256 over the concatenated raw digests
in listed order) and compares them with the statement; checks that every file of the model is
listed (in the shards method every non-empty file, covered from 0 to its size, and no empty
range: §6.3.2).

A certificate signature (x509CertificateChain) is checked with `openssl verify` from the leaf
through the bundled certificates to the given roots, and the DSSE signature with the leaf's key.
With --tsa, every RFC 3161 timestamp must verify with `openssl ts -verify` over the signature.

usage: oms_check.py BUNDLE PUBLIC_KEY_PEM MODEL_PATH
       oms_check.py BUNDLE --ca ROOTS_PEM MODEL_PATH
       ... [--tsa TSA_ROOT_PEM]              -> prints OK and exits 0, else prints FAIL and exits 1
"""
import base64, hashlib, json, os, re, subprocess, sys, tempfile

def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)

def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)

def pem_cert(der):
    b64 = base64.b64encode(der).decode()
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64)) + "\n-----END CERTIFICATE-----\n"

def parse_args(argv):
    opts = {"tsa": None, "ca": None}
    pos = []
    i = 0
    while i < len(argv):
        if argv[i] in ("--tsa", "--ca"):
            opts[argv[i][2:]] = argv[i + 1]
            i += 2
        else:
            pos.append(argv[i])
            i += 1
    if opts["ca"]:
        bundle, model = pos
        key = None
    else:
        bundle, key, model = pos
    return bundle, key, model, opts

def signer_key(bundle, key_path, roots, d):
    """The PEM file of the key that must verify the DSSE signature."""
    vm = bundle["verificationMaterial"]
    if roots is None:
        if "publicKey" not in vm:
            fail("expected a publicKey bundle")
        text = open(key_path).read()
        out = os.path.join(d, "key.pem")
        open(out, "w").write(text[text.index("-----BEGIN"):])
        return out
    if "x509CertificateChain" not in vm:
        fail("expected an x509CertificateChain bundle")
    certs = [base64.b64decode(c["rawBytes"]) for c in vm["x509CertificateChain"]["certificates"]]
    leaf = os.path.join(d, "leaf.pem")
    chain = os.path.join(d, "chain.pem")
    open(leaf, "w").write(pem_cert(certs[0]))
    open(chain, "w").write("".join(pem_cert(c) for c in certs[1:]) or pem_cert(certs[0]))
    r = run(["openssl", "verify", "-CAfile", roots, "-untrusted", chain, leaf])
    if r.returncode != 0:
        fail("certificate chain: " + r.stdout + r.stderr)
    out = os.path.join(d, "leaf-key.pem")
    r = run(["openssl", "x509", "-in", leaf, "-pubkey", "-noout"])
    open(out, "w").write(r.stdout)
    return out

def check_signature(env, key_file, d):
    payload = base64.b64decode(env["payload"])
    ptype = env["payloadType"].encode()
    pae = b"DSSEv1 %d %s %d %s" % (len(ptype), ptype, len(payload), payload)
    sig = base64.b64decode(env["signatures"][0]["sig"])
    open(os.path.join(d, "pae"), "wb").write(pae)
    open(os.path.join(d, "sig"), "wb").write(sig)
    text = run(["openssl", "pkey", "-pubin", "-in", key_file, "-noout", "-text"]).stdout
    if "ED25519" in text:
        cmd = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key_file, "-rawin", "-in", os.path.join(d, "pae"), "-sigfile", os.path.join(d, "sig")]
    else:
        md = "-sha384" if "384" in text else ("-sha512" if "521" in text else "-sha256")
        cmd = ["openssl", "dgst", md, "-verify", key_file, "-signature", os.path.join(d, "sig"), os.path.join(d, "pae")]
    r = run(cmd)
    if r.returncode != 0:
        fail("signature: " + r.stdout + r.stderr)
    return payload

def check_timestamps(bundle, tsa_root, d):
    stamps = bundle["verificationMaterial"].get("timestampVerificationData", {}).get("rfc3161Timestamps", [])
    if not stamps:
        fail("no RFC 3161 timestamp in the bundle")
    for i, t in enumerate(stamps):
        tsr = os.path.join(d, "ts%d.tsr" % i)
        open(tsr, "wb").write(base64.b64decode(t["signedTimestamp"]))
        r = run(["openssl", "ts", "-verify", "-in", tsr, "-data", os.path.join(d, "sig"), "-CAfile", tsa_root])
        if r.returncode != 0 or "Verification: OK" not in r.stdout:
            fail("timestamp %d: %s%s" % (i, r.stdout, r.stderr))

def model_files(model, ignore):
    """Every regular file of a directory model, by POSIX relative path, minus the ignored paths."""
    if os.path.isfile(model):
        return {os.path.basename(model): os.path.getsize(model)}
    out = {}
    for root, dirs, files in os.walk(model):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), model).replace(os.sep, "/")
            if any(rel == p or rel.startswith(p + "/") for p in ignore):
                continue
            out[rel] = os.path.getsize(os.path.join(root, f))
    return out

def sha256_range(path, start, end):
    with open(path, "rb") as f:
        f.seek(start)
        return hashlib.sha256(f.read(end - start)).hexdigest()

def check_statement(payload, model):
    st = json.loads(payload)
    if st["_type"] != "https://in-toto.io/Statement/v1" or st["predicateType"] != "https://model_signing/signature/v1.0":
        fail("statement type")
    if sorted(st["predicate"].keys()) != ["resources", "serialization"]:
        fail("predicate keys")
    ser = st["predicate"]["serialization"]
    resources = st["predicate"]["resources"]
    if not resources:
        fail("no resources")
    names = [r["name"] for r in resources]
    if ser["method"] == "files" and names != sorted(names):
        fail("resources not sorted by name")
    root = hashlib.sha256(b"".join(bytes.fromhex(r["digest"]) for r in resources)).hexdigest()
    if root != st["subject"][0]["digest"]["sha256"]:
        fail("root digest")
    on_disk = model_files(model, ser.get("ignore_paths", []))
    single = os.path.isfile(model)
    path_of = lambda name: model if single else os.path.join(model, name)
    if ser["method"] == "files":
        if sorted(names) != sorted(on_disk):
            fail("files listed %s, on disk %s" % (sorted(names), sorted(on_disk)))
        for r in resources:
            if hashlib.sha256(open(path_of(r["name"]), "rb").read()).hexdigest() != r["digest"]:
                fail("digest of " + r["name"])
    elif ser["method"] == "shards":
        size = int(ser["shard_size"])
        covered = {}
        for r in resources:
            m = re.fullmatch(r"(.*):(\d+):(\d+)", r["name"], re.S)
            if not m:
                fail("shard name " + r["name"])
            name, start, end = m.group(1), int(m.group(2)), int(m.group(3))
            if end <= start:
                fail("empty shard %s (zero-byte files are omitted: §6.3.2)" % r["name"])
            if start != covered.get(name, 0) or end - start > size:
                fail("shard %s does not follow the previous one or exceeds shard_size" % r["name"])
            covered[name] = end
            if sha256_range(path_of(name), start, end) != r["digest"]:
                fail("digest of " + r["name"])
        want = {n: s for n, s in on_disk.items() if s > 0}
        if covered != want:
            fail("shards cover %s, non-empty files on disk are %s" % (covered, want))
    else:
        fail("serialization method " + ser["method"])

def main():
    bundle_path, key_path, model, opts = parse_args(sys.argv[1:])
    bundle = json.load(open(bundle_path))
    if bundle.get("mediaType") != "application/vnd.dev.sigstore.bundle.v0.3+json":
        fail("mediaType")
    with tempfile.TemporaryDirectory() as d:
        key_file = signer_key(bundle, key_path, opts["ca"], d)
        payload = check_signature(bundle["dsseEnvelope"], key_file, d)
        if opts["tsa"]:
            check_timestamps(bundle, opts["tsa"], d)
    check_statement(payload, model)
    print("OK")

main()
