"""API keys: who a client is, how fast it may ask, and from which web origins."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIX = "bsk"
DEFAULT_PER_MINUTE = 600


def digest(key: str) -> str:
    """What is stored of a key: its SHA-256 (keys are long and random, so no salt is needed)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKey(models.Model):
    """A client's key. Only a digest is kept; the key itself is shown once, when made."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Who uses it, for what."))
    lookup = models.CharField(max_length=16, unique=True, editable=False)
    hashed = models.CharField(max_length=64, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("user"),
        help_text=_("Drafts this user may edit can be previewed with the key."),
    )
    per_minute = models.PositiveIntegerField(_("requests per minute"), default=DEFAULT_PER_MINUTE)
    allowed_origins = models.TextField(
        _("allowed web origins"),
        blank=True,
        help_text=_("One per line, such as https://app.example.org, for use from browsers."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("API key")

    def __str__(self) -> str:
        return self.name

    def issue(self) -> str:
        """Give this key a new secret and return it (store it; only its digest is kept)."""
        self.lookup = secrets.token_hex(8)
        key = f"{PREFIX}_{self.lookup}_{secrets.token_urlsafe(32)}"
        self.hashed = digest(key)
        return key

    def allows_origin(self, origin: str) -> bool:
        return origin in {line.strip().rstrip("/") for line in self.allowed_origins.splitlines()}


def find(key: str) -> ApiKey | None:
    """The active key whose secret this is, or ``None``."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    found = ApiKey.objects.filter(lookup=parts[1], active=True).select_related("user").first()
    if found is None or not secrets.compare_digest(found.hashed, digest(key)):
        return None
    return found
