"""A signed timestamp in the form: sent too fast means a bot; too old means "send again".

The token is made when the form is rendered (possibly into a cached page, which only makes it
older) and names the article, so it cannot be replayed on another one.
"""

import time

from django.core import signing

from broadsheet.comments.pipeline.base import Check, Refused, Submission, Verdict

SALT = "broadsheet.comments.form"
DEFAULT_MAX_AGE = 2 * 24 * 3600


def make_token(article_id: int, *, now: float | None = None) -> str:
    return signing.dumps(
        {"a": article_id, "t": int(now if now is not None else time.time())}, salt=SALT
    )


def read_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) and {"a", "t"} <= data.keys() else None


class TimestampCheck(Check):
    name = "timestamp"

    def check(self, submission: Submission) -> Verdict:
        data = read_token(submission.form_token or "")
        if data is None or data["a"] != submission.article.pk:
            return Verdict(Verdict.SPAM, "The form's signed timestamp is missing or forged.")
        age = submission.now.timestamp() - data["t"]
        min_seconds = self.options.get("min_seconds", 3)
        if age < min_seconds:
            return Verdict(Verdict.SPAM, f"Sent {age:.1f} s after the form was shown.")
        if age > self.options.get("max_age", DEFAULT_MAX_AGE):
            raise Refused(
                "This form was open too long. Please check your comment and send it again.",
                status=400,
                code="expired",
            )
        return Verdict.approve(f"Sent {int(age)} s after the form was shown.")
