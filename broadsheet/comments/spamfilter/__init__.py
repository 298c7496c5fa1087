"""The learned spam filter, in pure Python: features, model, calibration, the starter model.

- :mod:`.features`: what is looked at (hashed text n-grams, links, writer's record and shape);
- :mod:`.model`: logistic regression trained by SGD, kept as plain data;
- :mod:`.campaigns`: which comments belong together when decisions are split;
- :mod:`.calibration`: spam and hold thresholds from held-out decisions;
- :mod:`.filter`: the starter or the site's filter, and its three outcomes.

Nothing here touches the database; :mod:`broadsheet.comments.learning` keeps the state.
"""

from broadsheet.comments.spamfilter.features import Comment, Features, features
from broadsheet.comments.spamfilter.filter import (
    CLEAN,
    HOLD,
    SITE,
    SPAM,
    STARTER,
    Judgement,
    SpamFilter,
    Thresholds,
    fit,
    starter,
)

__all__ = [
    "CLEAN",
    "HOLD",
    "SITE",
    "SPAM",
    "STARTER",
    "Comment",
    "Features",
    "Judgement",
    "SpamFilter",
    "Thresholds",
    "features",
    "fit",
    "starter",
]
