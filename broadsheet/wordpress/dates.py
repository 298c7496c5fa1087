"""WordPress's dates: ``post_date_gmt`` in UTC, else ``post_date`` in the site's time zone."""

from datetime import UTC, datetime, tzinfo

FORMAT = "%Y-%m-%d %H:%M:%S"


def wp_datetime(gmt: str, local: str, zone: tzinfo) -> datetime | None:
    """The moment a WordPress date pair names; None when both are empty or zero (drafts)."""
    for value, where in ((gmt, UTC), (local, zone)):
        value = (value or "").strip()
        if not value or value.startswith("0000"):
            continue
        try:
            return datetime.strptime(value, FORMAT).replace(tzinfo=where)  # noqa: DTZ007
        except ValueError:
            continue
    return None
