"""The moderation pipeline: an ordered list of small checks, each a pluggable backend.

``settings.BROADSHEET_COMMENT_CHECKS`` lists ``{"BACKEND": "dotted.path", ...options}``; options
are passed to the backend's constructor in lower case. Every check gives a verdict (approve, hold,
spam or reject, with a reason and optionally a score); all are stored, and the first verdict that
is not "approve" decides. A check may instead raise :class:`Refused` when the submission should not
be stored at all (an expired form, a rate limit): the reader gets the form back with their text.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from broadsheet.comments.pipeline.base import Check, Refused, Submission, Verdict

__all__ = ["Check", "PipelineResult", "Refused", "Submission", "Verdict", "load_checks", "run"]


@dataclass
class PipelineResult:
    decision: str = Verdict.APPROVE
    verdicts: list[tuple[str, Verdict]] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        scores = [v.score for _, v in self.verdicts if v.score is not None]
        return scores[0] if scores else None


def load_checks() -> list[Check]:
    """Instantiate the configured checks, in order."""
    checks = []
    for config in getattr(settings, "BROADSHEET_COMMENT_CHECKS", []):
        options = {k.lower(): v for k, v in config.items() if k != "BACKEND"}
        checks.append(import_string(config["BACKEND"])(**options))
    return checks


def run(submission: Submission, checks: list[Check] | None = None) -> PipelineResult:
    """Run every check; the first non-approve verdict decides. :class:`Refused` propagates."""
    result = PipelineResult()
    for check in load_checks() if checks is None else checks:
        verdict = check.check(submission)
        result.verdicts.append((check.name, verdict))
        if verdict.decision != Verdict.APPROVE and result.decision == Verdict.APPROVE:
            result.decision = verdict.decision
    return result
