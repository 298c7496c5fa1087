"""Banned words reject a comment, suspect words hold it; matched on whole words after folding."""

from broadsheet.caching import fragments
from broadsheet.comments.models import BannedWord
from broadsheet.comments.pipeline.base import Check, Submission, Verdict
from broadsheet.comments.text import normalise, phrase_pattern


def find_words(text: str, words: list[BannedWord]) -> list[BannedWord]:
    folded = normalise(text)
    return [word for word in words if phrase_pattern(word.word).search(folded)]


class WordListCheck(Check):
    name = "word lists"
    runs_on_edit = True

    def check(self, submission: Submission) -> Verdict:
        # Kept per process until a moderator changes the lists (the moderation generation).
        words = fragments.remember(
            "banned-words",
            [],
            lambda: list(BannedWord.objects.all()),
            depends_on=[fragments.MODERATION],
        )
        found = find_words(f"{submission.name}\n{submission.text}", words)
        banned = [w.word for w in found if w.kind == BannedWord.Kind.BAN]
        suspect = [w.word for w in found if w.kind == BannedWord.Kind.SUSPECT]
        if banned:
            return Verdict(Verdict.REJECT, "Banned words: " + ", ".join(banned))
        if suspect:
            return Verdict(Verdict.HOLD, "Suspect words: " + ", ".join(suspect))
        return Verdict.approve("No listed words.")
