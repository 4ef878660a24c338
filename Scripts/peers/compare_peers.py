"""Side-by-side timing of CableMend and its peers; see Scripts/compare-peers.

Both sides time themselves in-process (CableMend through `cablemend speed`), on the same input
files, so process start-up and file reading are left out of both. Each figure is the median of
several runs; the ratio is ours over theirs in throughput (higher is better for us).
"""

import argparse
import glob
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def damaged_telegram_text(megabytes, seed):
    """Raw dumps from Corpus/, repeated to size, with the Unicode damage OCR dumps carry."""
    paths = sorted(glob.glob(os.path.join(ROOT, "Corpus", "**", "*.raw.txt"), recursive=True))
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    rng = random.Random(seed)
    damage = [
        lambda w: w + "\u200b",
        lambda w: "\u201c" + w + "\u201d",
        lambda w: w.encode("utf-8").decode("latin-1") if w.isascii() is False else w + "\u00a0",
        lambda w: w.replace("'", "\u2019").encode("utf-8").decode("cp1252", errors="replace"),
        lambda w: w.replace("A", "\u0410", 1),
        lambda w: w + "\u00ad",
    ]
    out, size = [], 0
    while size < megabytes * 1_000_000:
        for text in texts:
            words = text.split(" ")
            for i in range(len(words)):
                if rng.random() < 0.02:
                    words[i] = rng.choice(damage)(words[i])
            chunk = " ".join(words)
            out.append(chunk)
            size += len(chunk.encode("utf-8"))
    return "".join(out)


def ours(cablemend, task, path, runs, output):
    result = subprocess.run([cablemend, "speed", task, path, "--runs", str(runs), "--output", output],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def timed(fn, runs):
    seconds = []
    value = None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), value


def compare_unicode(cablemend, work, runs, megabytes):
    import ftfy
    text = damaged_telegram_text(megabytes, seed=7)
    path = os.path.join(work, "unicode-input.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    size = os.path.getsize(path)
    mine = ours(cablemend, "unicode", path, runs, os.path.join(work, "unicode-ours.txt"))
    theirs, fixed = timed(lambda: ftfy.fix_text(text), runs)
    our_lines = open(os.path.join(work, "unicode-ours.txt"), encoding="utf-8").read().split("\n")
    their_lines = fixed.split("\n")
    same = sum(1 for a, b in zip(our_lines, their_lines) if a == b)
    agreement = same / max(1, len(their_lines))
    cat = cat_floor(path, runs)
    return [
        ("unicode stage vs ftfy.fix_text", size / mine["median"] / 1e6, size / theirs / 1e6, "MB/s",
         f"{agreement:.1%} of lines identical"),
        ("physical floor: cat", size / cat / 1e6, None, "MB/s", f"{size / 1e6:.1f} MB input"),
    ]


def cat_floor(path, runs):
    def run():
        with open(os.devnull, "wb") as sink:
            subprocess.run(["cat", path], stdout=sink, check=True)
    seconds, _ = timed(run, runs)
    return seconds


def compare_distance(cablemend, work, runs):
    from rapidfuzz.distance import Levenshtein
    pairs = []
    for gold in sorted(glob.glob(os.path.join(ROOT, "Corpus", "**", "*.gold.txt"), recursive=True)):
        raw = gold[: -len(".gold.txt")] + ".raw.txt"
        if os.path.exists(raw):
            a = open(gold, encoding="utf-8", errors="replace").read().replace("\t", " ").replace("\n", " ")
            b = open(raw, encoding="utf-8", errors="replace").read().replace("\t", " ").replace("\n", " ")
            pairs.append((a, b))
    if not pairs:
        return []
    path = os.path.join(work, "pairs.tsv")
    with open(path, "w", encoding="utf-8") as f:
        for a, b in pairs:
            f.write(a + "\t" + b + "\n")
    mine = ours(cablemend, "distance", path, runs, os.path.join(work, "distance-ours.txt"))
    theirs, distances = timed(lambda: [Levenshtein.distance(a, b) for a, b in pairs], runs)
    our_distances = [int(x) for x in open(os.path.join(work, "distance-ours.txt")).read().split()]
    agree = sum(1 for a, b in zip(our_distances, distances) if a == b)
    return [("score edit distance vs rapidfuzz Levenshtein", len(pairs) / mine["median"],
             len(pairs) / theirs, "pairs/s", f"{agree}/{len(pairs)} distances equal")]


def compare_pipeline(cablemend, work, runs, megabytes):
    """The whole pipeline two ways: a batch of the committed generated dumps, one document at a
    time as a user's batch runs, and the multi-megabyte unicode input as one single document."""
    rows = []
    batch = os.path.join(ROOT, "Corpus", "generated")
    if os.path.isdir(batch):
        mine = ours(cablemend, "batch", batch, runs, os.path.join(work, "batch-ours.txt"))
        count = len(glob.glob(os.path.join(batch, "**", "*.raw.txt"), recursive=True))
        rows.append((f"full pipeline, one core, batch of {count} typical dumps (target 20 MB/s)",
                     mine["units"] / mine["median"] / 1e6, None, "MB/s",
                     f"{mine['units'] / 1e3:.0f} KB in all; slowest stages: " + slowest(mine)))
    path = os.path.join(work, "unicode-input.txt")
    size = os.path.getsize(path)
    mine = ours(cablemend, "pipeline", path, max(1, runs // 2), os.path.join(work, "pipeline-ours.txt"))
    rows.append(("full pipeline, one core, one 4 MB document", size / mine["median"] / 1e6, None,
                 "MB/s", "slowest stages: " + slowest(mine)))
    return rows


def slowest(timing):
    stages = sorted(timing.get("stages", {}).items(), key=lambda kv: -kv[1])[:3]
    total = sum(timing.get("stages", {}).values()) or 1
    return ", ".join(f"{name} {seconds / total:.0%}" for name, seconds in stages)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cablemend", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=4)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        rows += compare_unicode(args.cablemend, work, args.runs, args.megabytes)
        try:
            from names_peer import compare_lookup
            rows += compare_lookup(args.cablemend, work, args.runs)
        except ImportError:
            pass
        rows += compare_distance(args.cablemend, work, args.runs)
        rows += compare_pipeline(args.cablemend, work, args.runs, args.megabytes)
    print(f"| task | CableMend | peer | unit | ours / peer | outputs |")
    print(f"| --- | ---: | ---: | --- | ---: | --- |")
    for task, mine, theirs, unit, note in rows:
        ratio = f"{mine / theirs:.1f}x" if theirs else "-"
        peer = f"{theirs:,.2f}" if theirs else "-"
        print(f"| {task} | {mine:,.2f} | {peer} | {unit} | {ratio} | {note} |")
    print(f"\nMedians of {args.runs} runs each, measured in one run of Scripts/compare-peers "
          f"on {os.cpu_count()} cores.", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    main()
