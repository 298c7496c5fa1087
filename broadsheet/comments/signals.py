"""Signals other apps listen to.

``comment_visibility_changed`` is sent with ``sender=Comment, comment=<Comment>,
article=<ArticlePage>`` whenever a comment becomes visible, stops being visible, or its visible
text changes, so caches in front of the article can be purged.

``comment_policy_changed`` is sent with ``sender=CommentPolicyOverride, article=<Page>`` when a
moderator closes or reopens an article's comments (the form appears or disappears).
"""

from django.dispatch import Signal

comment_visibility_changed = Signal()
comment_policy_changed = Signal()
