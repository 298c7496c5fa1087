"""Keeping the learned spam filter (:mod:`broadsheet.comments.spamfilter`) in the database.

The filter is pure Python; its state is one JSON row (:class:`SpamFilterState`). Moderators'
decisions teach it: "spam" teaches spam, "not spam" and approval teach not-spam. Each comment
teaches at most once; changing one's mind unlearns the earlier lesson first.
"""

import threading
from datetime import datetime

from django.db import transaction

from broadsheet.caching import fragments, memo
from broadsheet.comments.models import Comment, SpamFilterState
from broadsheet.comments.spamfilter import SpamFilter

SPAM, HAM = "spam", "ham"

# The parsed filter of the stored row, keyed by (pk, updated_at): parsing ~0.5 MB of JSON costs
# tens of milliseconds, so a comment post parses it again only after a moderator has trained it
# (in any process; teach() saves the row, which moves updated_at).
_parsed: dict[str, tuple[tuple[int, datetime], object]] = {}
_parsed_lock = threading.Lock()


def load_filter():
    """The current filter (an untrained one when nothing was learned yet).

    The answer may be shared with other callers in this process: score it, never train it
    (:func:`teach` trains a copy of its own). One cheap query checks that the parsed copy kept
    in memory is still the stored one (none while the filter's generation stands, see
    ``broadsheet.caching.memo``: saving the state moves it); the state is read and parsed only
    when it is not.
    """
    key = memo.recall(
        ("spam-filter-version",),
        lambda: SpamFilterState.objects.order_by("pk").values_list("pk", "updated_at").first(),
        under=fragments.SPAM_FILTER,
    )
    if key is None:
        return SpamFilter()
    kept = _parsed.get("filter")
    if kept is not None and kept[0] == tuple(key):
        return kept[1]
    row = SpamFilterState.objects.filter(pk=key[0]).first()
    if row is None or not row.state:
        return SpamFilter()
    spam_filter = SpamFilter.from_dict(row.state)
    with _parsed_lock:
        _parsed["filter"] = ((row.pk, row.updated_at), spam_filter)
    return spam_filter


@transaction.atomic
def teach(comment: Comment, *, is_spam: bool) -> None:
    """Teach the filter what ``comment`` is; unlearn an opposite earlier lesson."""
    label = SPAM if is_spam else HAM
    if comment.trained_as == label or not comment.text:
        return
    row = SpamFilterState.objects.select_for_update().order_by("pk").first()
    if row is None:
        row = SpamFilterState.objects.create(state={})
    spam_filter = SpamFilter.from_dict(row.state) if row.state else SpamFilter()
    if comment.trained_as:
        spam_filter.unlearn(comment.text, is_spam=comment.trained_as == SPAM)
    spam_filter.learn(comment.text, is_spam=is_spam)
    row.state = spam_filter.to_dict()
    row.save(update_fields=["state", "updated_at"])
    comment.trained_as = label
    Comment.objects.filter(pk=comment.pk).update(trained_as=label)
