#!/usr/bin/env python3
"""Builds a larger top-up data set from one made by gen_topup.py: COPIES copies of it in a row,
copy c with every ID increased by c * customers and every ts by c * (event-time span + 600 s),
files numbered on and given modification times in name order (as gen_topup.py does).

Why: gen_topup.py keeps the whole data set in memory until it writes it (2.2 GB resident and
7.5 minutes for 1 M bureau records on the bench machine), so 20 M records would need about 44 GB
and 2.5 hours. The copies have the generator's distributions (late messages, strays, malformed
values) and the streams' shape, with new IDs and later event times, so state grows as with new
customers. Copy 0 is hard-linked, not copied.

usage: replicate.py SRC_DIR COPIES OUT_DIR [REUSE_DIR]
(REUSE_DIR: a larger replica of the same SRC_DIR whose files are hard-linked instead of rewritten.)
"""
import json
import os
import re
import sys

ID = re.compile(rb'([{,])"ID":"(\d+)"')
TS = re.compile(rb'"ts":(\d+)')


def main():
    src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    reuse = sys.argv[4] if len(sys.argv) > 4 else None
    manifest = json.load(open(os.path.join(src, "manifest.json")))
    customers, base = manifest["customers"], manifest["base_ts"]
    span = manifest["last_ts"] - manifest["first_ts"] + 600
    for stream in ("customer", "bureau"):
        names = sorted(n for n in os.listdir(os.path.join(src, stream)) if n.endswith(".jsonl"))
        os.makedirs(os.path.join(out, stream), exist_ok=True)
        for c in range(copies):
            id_shift, ts_shift = c * customers, c * span
            for i, name in enumerate(names):
                index = c * len(names) + i
                dst = os.path.join(out, stream, f"part-{index:05d}.jsonl")
                if os.path.exists(dst):
                    continue
                if c == 0:
                    os.link(os.path.join(src, stream, name), dst)
                    continue
                if reuse and os.path.exists(os.path.join(reuse, stream, os.path.basename(dst))):
                    os.link(os.path.join(reuse, stream, os.path.basename(dst)), dst)
                    continue
                data = open(os.path.join(src, stream, name), "rb").read()
                data = ID.sub(lambda m: m.group(1) + b'"ID":"' + str(int(m.group(2)) + id_shift).encode() + b'"', data)
                data = TS.sub(lambda m: b'"ts":' + str(int(m.group(1)) + ts_shift).encode(), data)
                tmp = dst + ".tmp"
                open(tmp, "wb").write(data)
                os.utime(tmp, (base + index, base + index))
                os.rename(tmp, dst)
            print(f"{stream}: copy {c + 1}/{copies} done", flush=True)
    m = dict(manifest)
    for k in ("bureau_messages", "bureau_records", "customer_messages", "customer_records", "customers",
              "files_per_stream", "late_bureau_messages", "late_bureau_records", "stray_bureau_records"):
        if k in m:
            m[k] = manifest[k] * copies
    m["last_ts"] = manifest["last_ts"] + (copies - 1) * span
    m["replicated_from"] = {"source": os.path.abspath(src), "copies": copies, "ts_shift_per_copy": span,
                            "id_shift_per_copy": customers}
    json.dump(m, open(os.path.join(out, "manifest.json"), "w"), indent=2)


if __name__ == "__main__":
    main()
