"""Reading labelled corpora for the spam-filter benchmarks: ``label<TAB>text`` lines.

The first line is a header and is skipped. A label is ``spam`` or ``ham`` (any case; ``1`` and
``0`` are read the same); lines with another label, or without a tab, are counted and skipped.
A directory stands for every ``*.tsv`` and ``*.txt`` file in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_SPAM, _HAM = {"spam", "1"}, {"ham", "0"}


@dataclass(frozen=True)
class Labelled:
    text: str
    is_spam: bool
    source: str  # the file it came from


def files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".tsv", ".txt"))
    return [path]


def read(path: Path) -> tuple[list[Labelled], int]:
    """The labelled rows of ``path`` (a file or a directory) and how many lines were skipped."""
    rows, skipped = [], 0
    for file in files(path):
        with file.open(encoding="utf-8", errors="replace") as lines:
            next(lines, None)
            for line in lines:
                label, tab, text = line.rstrip("\r\n").partition("\t")
                label = label.strip().lower()
                if not tab or label not in _SPAM | _HAM or not text.strip():
                    skipped += 1
                    continue
                rows.append(Labelled(text=text, is_spam=label in _SPAM, source=file.stem))
    return rows, skipped
