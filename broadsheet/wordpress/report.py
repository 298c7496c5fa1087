"""What an import did, per kind of thing, with the WordPress ids: the JSON the command prints
and the admin shows. Nothing the import meets goes unmentioned: each item is created, updated,
unchanged or skipped (with the reason), and may carry warnings besides."""

import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

OUTCOMES = ("created", "updated", "unchanged", "skipped")


@dataclass
class KindReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warned: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        counts = {outcome: len(getattr(self, outcome)) for outcome in (*OUTCOMES, "warned")}
        return {"counts": counts, **{k: getattr(self, k) for k in (*OUTCOMES, "warned")}}


@dataclass
class Report:
    source: str = ""
    files: list[str] = field(default_factory=list)
    dry_run: bool = False
    kinds: dict[str, KindReport] = field(default_factory=lambda: defaultdict(KindReport))
    errors: list[str] = field(default_factory=list)

    def outcome(self, kind: str, wp_id: str, outcome: str, reason: str = "") -> None:
        entry = self.kinds[kind]
        if outcome == "skipped":
            entry.skipped.append({"id": wp_id, "reason": reason})
        else:
            getattr(entry, outcome).append(wp_id)

    def warn(self, kind: str, wp_id: str, notes) -> None:
        notes = [note for note in notes if note]
        if notes:
            self.kinds[kind].warned.append({"id": wp_id, "notes": list(notes)})

    @contextmanager
    def provisional(self) -> Iterator[None]:
        """What is reported inside is taken back when it raises (its writes were rolled back)."""
        names = (*OUTCOMES, "warned")
        marks = {k: {n: len(getattr(e, n)) for n in names} for k, e in self.kinds.items()}
        errors = len(self.errors)
        try:
            yield
        except BaseException:
            for kind in list(self.kinds):
                if kind not in marks:
                    del self.kinds[kind]
                    continue
                for name, length in marks[kind].items():
                    del getattr(self.kinds[kind], name)[length:]
            del self.errors[errors:]
            raise

    def count(self, kind: str, outcome: str) -> int:
        return len(getattr(self.kinds[kind], outcome)) if kind in self.kinds else 0

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "files": self.files,
            "dry_run": self.dry_run,
            "kinds": {kind: entry.as_dict() for kind, entry in sorted(self.kinds.items())},
            "errors": self.errors,
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)
