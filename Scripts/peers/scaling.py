"""Scaling of the whole pipeline with document size; see Benchmarks/README.md.

Builds one document per size by concatenating committed raw dumps of Corpus/generated picked
at random (seeded, so the same bytes every run), times `cablemend speed pipeline` on each, and
prints a Markdown table of seconds per stage (wall clock, in-process) and the CPU seconds of the
whole process (user + system, with start-up and the per-process lexicon load of about 1 s),
which a shared, loaded machine disturbs far less than wall clock. A step that grows faster
than linearly shows as a per-MB figure that rises with the size.

Usage: python3 Scripts/peers/scaling.py --cablemend .build-rel/release/cablemend [--sizes 0.25,0.5,1,2,4]
"""

import argparse
import glob
import json
import os
import random
import resource
import subprocess
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STAGES = ["unicode", "pages", "furniture", "unwrap", "dedupe", "names", "order", "dedupe-after-order"]


def document(megabytes, seed=7):
    paths = sorted(glob.glob(os.path.join(ROOT, "Corpus", "generated", "**", "*.raw.txt"), recursive=True))
    texts = [open(p, "rb").read() for p in paths]
    rng = random.Random(seed)
    out = bytearray()
    while len(out) < megabytes * 1_000_000:
        out += rng.choice(texts) + b"\n"
    return bytes(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cablemend", required=True)
    parser.add_argument("--sizes", default="0.25,0.5,1,2,4")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print("| MB | " + " | ".join(STAGES) + " | total s | CPU s | CPU s per MB |")
    print("| ---: " * (len(STAGES) + 4) + "|")
    with tempfile.TemporaryDirectory() as work:
        for size in (float(s) for s in args.sizes.split(",")):
            path = os.path.join(work, f"doc-{size}.txt")
            with open(path, "wb") as f:
                f.write(document(size))
            megabytes = os.path.getsize(path) / 1e6
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            result = subprocess.run([args.cablemend, "speed", "pipeline", path, "--runs", str(args.runs)],
                                    check=True, capture_output=True, text=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            timing = json.loads(result.stdout)
            stages = timing["stages"]
            cells = " | ".join(f"{stages.get(s, 0):.2f}" for s in STAGES)
            print(f"| {megabytes:.2f} | {cells} | {timing['median']:.2f} | {cpu:.2f} | {cpu / megabytes:.2f} |",
                  flush=True)


if __name__ == "__main__":
    main()
