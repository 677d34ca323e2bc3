#!/usr/bin/env python3
"""An independent OMS v1.0 check, written from the spec rather than from modelsign's code.

Uses only the Python standard library and the openssl command line: decodes the bundle, checks
the DSSE signature over PAE(payloadType, payload) with `openssl dgst -verify` (DER ECDSA with the
curve's hash, or Ed25519 via pkeyutl), recomputes every file's SHA-256 and the root digest (SHA-256
over the concatenated raw digests in listed order) and compares them with the statement.

usage: oms_check.py BUNDLE PUBLIC_KEY_PEM MODEL_PATH   -> prints OK and exits 0, else exits 1
"""
import base64, hashlib, json, os, subprocess, sys, tempfile

def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)

def main():
    bundle_path, key_path, model = sys.argv[1:4]
    bundle = json.load(open(bundle_path))
    if bundle.get("mediaType") != "application/vnd.dev.sigstore.bundle.v0.3+json":
        fail("mediaType")
    env = bundle["dsseEnvelope"]
    payload = base64.b64decode(env["payload"])
    ptype = env["payloadType"].encode()
    pae = b"DSSEv1 %d %s %d %s" % (len(ptype), ptype, len(payload), payload)
    sig = base64.b64decode(env["signatures"][0]["sig"])
    key_text = open(key_path).read()
    pem = key_text[key_text.index("-----BEGIN"):]
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "pae"), "wb").write(pae)
        open(os.path.join(d, "sig"), "wb").write(sig)
        open(os.path.join(d, "key.pem"), "w").write(pem)
        text = subprocess.run(["openssl", "pkey", "-pubin", "-in", os.path.join(d, "key.pem"), "-noout", "-text"], capture_output=True, text=True).stdout
        if "ED25519" in text:
            cmd = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", os.path.join(d, "key.pem"), "-rawin", "-in", os.path.join(d, "pae"), "-sigfile", os.path.join(d, "sig")]
        else:
            md = "-sha384" if "384" in text else ("-sha512" if "521" in text else "-sha256")
            cmd = ["openssl", "dgst", md, "-verify", os.path.join(d, "key.pem"), "-signature", os.path.join(d, "sig"), os.path.join(d, "pae")]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            fail("signature: " + r.stdout + r.stderr)
    st = json.loads(payload)
    if st["_type"] != "https://in-toto.io/Statement/v1" or st["predicateType"] != "https://model_signing/signature/v1.0":
        fail("statement type")
    if sorted(st["predicate"].keys()) != ["resources", "serialization"]:
        fail("predicate keys")
    resources = st["predicate"]["resources"]
    names = [r["name"] for r in resources]
    if names != sorted(names):
        fail("resources not sorted by name")
    root = hashlib.sha256(b"".join(bytes.fromhex(r["digest"]) for r in resources)).hexdigest()
    if root != st["subject"][0]["digest"]["sha256"]:
        fail("root digest")
    for r in resources:
        p = model if os.path.isfile(model) else os.path.join(model, r["name"])
        h = hashlib.sha256(open(p, "rb").read()).hexdigest()
        if h != r["digest"]:
            fail("digest of " + r["name"])
    print("OK")

main()
