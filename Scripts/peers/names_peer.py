"""Name and word lookup: CableMend's context-free lookup against symspellpy, per token.

The tokens are every upper-case word of four or more letters in the committed raw dumps, in
order, repeated to at least 20,000. symspellpy gets its bundled English frequency dictionary
plus every name of CableMend's default lexicon, and looks up with max edit distance 2 and
Verbosity.TOP, as a spell checker in a pipeline would. Both time only the lookups.
"""

import glob
import os
import re
import subprocess
import json
import time
import statistics

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def tokens():
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Corpus", "**", "*.raw.txt"), recursive=True)):
        text = open(path, encoding="utf-8", errors="replace").read()
        found += re.findall(r"\b[A-Z]{4,}\b", text)
    out = []
    while len(out) < 20_000 and found:
        out += found
    return out


def symspell_with_lexicon():
    import importlib.resources
    from symspellpy import SymSpell
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    dictionary = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    sym.load_dictionary(str(dictionary), term_index=0, count_index=1)
    for name in ("officials.tsv", "curated.tsv"):
        path = os.path.join(ROOT, "Sources", "CableMend", "Resources", "lexicon", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                for word in re.findall(r"[A-Za-z]{3,}", line.split("\t")[1]):
                    sym.create_dictionary_entry(word.lower(), 1)
    return sym


def compare_lookup(cablemend, work, runs):
    from symspellpy import Verbosity
    words = tokens()
    if not words:
        return []
    path = os.path.join(work, "tokens.txt")
    with open(path, "w") as f:
        f.write("\n".join(words) + "\n")
    result = subprocess.run([cablemend, "speed", "lookup", path, "--runs", str(runs),
                             "--output", os.path.join(work, "lookup-ours.txt")],
                            check=True, capture_output=True, text=True)
    mine = json.loads(result.stdout)
    sym = symspell_with_lexicon()
    lowered = [w.lower() for w in words]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        best = [sym.lookup(w, Verbosity.TOP, max_edit_distance=2) for w in lowered]
        seconds.append(time.perf_counter() - start)
    theirs = statistics.median(seconds)
    ours_best = open(os.path.join(work, "lookup-ours.txt")).read().split("\n")
    their_best = [(b[0].term.upper() if b else w) for b, w in zip(best, words)]
    same = sum(1 for a, b in zip(ours_best, their_best) if a == b)
    return [("name/word lookup vs symspellpy", len(words) / mine["median"], len(words) / theirs,
             "tokens/s", f"{same / len(words):.0%} same best suggestion")]
