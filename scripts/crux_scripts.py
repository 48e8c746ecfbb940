"""What the evaluation scripts share: span overlap as `crux eval` scores it, running
`crux analyze --format json`, and the first annotation of each PolNeAR development article.
Standard library only."""
import json
import subprocess
from pathlib import Path


def overlap(a, b):
    """Bytes shared by two `(start, end)` spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def touches(a, b, share=0.3):
    """Whether two spans overlap by at least `share` of the shorter one."""
    o = overlap(a, b)
    return o > 0 and o >= share * min(a[1] - a[0], b[1] - b[0])


def analyse(crux, path):
    """crux's JSON report of one file."""
    out = subprocess.run([crux, "-q", "analyze", str(path), "--format", "json"],
                         capture_output=True, check=True)
    return json.loads(out.stdout)


def polnear_dev(path):
    """The PolNeAR records of the dev split, the first annotator of each article only."""
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["article"] in seen:
                continue
            seen.add(r["article"])
            if r.get("split") == "dev":
                yield r


def analyse_text(crux, text, tmp):
    """crux's JSON report of `text`, written to a file in the directory `tmp`."""
    path = Path(tmp) / "article.txt"
    path.write_text(text, encoding="utf-8")
    return analyse(crux, path)
