"""Keeping the learned spam filter (:mod:`broadsheet.comments.spamfilter`) in the database.

The filter is pure Python; its state is one JSON row (:class:`SpamFilterState`). Moderators'
decisions teach it: "spam" teaches spam, "not spam" and approval teach not-spam. Each comment
teaches at most once; changing one's mind unlearns the earlier lesson first.
"""

from django.db import transaction

from broadsheet.comments.models import Comment, SpamFilterState

SPAM, HAM = "spam", "ham"


def _filter_class():
    from broadsheet.comments.spamfilter import SpamFilter  # noqa: PLC0415 - written separately

    return SpamFilter


def load_filter():
    """The current filter (an untrained one when nothing was learned yet)."""
    row = SpamFilterState.objects.order_by("pk").first()
    if row is None or not row.state:
        return _filter_class()()
    return _filter_class().from_dict(row.state)


@transaction.atomic
def teach(comment: Comment, *, is_spam: bool) -> None:
    """Teach the filter what ``comment`` is; unlearn an opposite earlier lesson."""
    label = SPAM if is_spam else HAM
    if comment.trained_as == label or not comment.text:
        return
    row = SpamFilterState.objects.select_for_update().order_by("pk").first()
    if row is None:
        row = SpamFilterState.objects.create(state={})
    spam_filter = _filter_class().from_dict(row.state) if row.state else _filter_class()()
    if comment.trained_as:
        spam_filter.unlearn(comment.text, is_spam=comment.trained_as == SPAM)
    spam_filter.learn(comment.text, is_spam=is_spam)
    row.state = spam_filter.to_dict()
    row.save(update_fields=["state", "updated_at"])
    comment.trained_as = label
    Comment.objects.filter(pk=comment.pk).update(trained_as=label)
