"""Comment views, one module per audience; the moderators' admin is in ``comments.moderators``."""
