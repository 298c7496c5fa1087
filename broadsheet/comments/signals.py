"""Signals other apps listen to.

``comment_visibility_changed`` is sent with ``sender=Comment, comment=<Comment>,
article=<ArticlePage>`` whenever a comment becomes visible, stops being visible, or its visible
text changes, so caches in front of the article can be purged.

``comment_policy_changed`` is sent with ``sender=CommentPolicyOverride, article=<Page>`` whenever
a section's or an article's override is saved or deleted, however that happens (closing or
reopening comments, the moderators' admin): the form may appear or disappear.
"""

from django.dispatch import Signal

comment_visibility_changed = Signal()
comment_policy_changed = Signal()
