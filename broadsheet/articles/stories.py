"""Developing stories: one subject followed over days (a negotiation's rounds, a trial),
grouping the articles (and, from ``broadsheet.live``, the live blogs) written about it.

An article joins a story from its editor, with a one-line "what's new" for the timeline.
Whatever shows a story's items names its key (:func:`key`); publishing, unpublishing or
moving an item out of the story purges it (``broadsheet.freshness``).
"""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Story(models.Model):
    """A developing story: its title, a short explainer, and the address of its timeline."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    explainer = models.TextField(
        _("explainer"), max_length=800, blank=True, help_text=_("The story in a few sentences.")
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("developing story")
        verbose_name_plural = _("developing stories")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", kwargs={"slug": self.slug})


def key(story_id: int) -> str:
    """What shows a story's items: its timeline, "Latest on this story" on its articles."""
    return f"story-{story_id}"


@dataclass(frozen=True)
class StoryPlace:
    """Where an article stands in its story: its place, how many there are, and the
    newest ones published after it."""

    position: int
    total: int
    newer: list


def place_of(article, articles: models.QuerySet, *, newest: int = 3) -> StoryPlace | None:
    """``article``'s place among ``articles`` (the story's public articles, oldest first by
    publication date, then id). One query: a story holds tens of articles, not thousands."""
    if article.story_id is None:
        return None
    ordered = list(
        articles.filter(story_id=article.story_id)
        .defer_streamfields()
        .order_by("published_at", "pk")
    )
    ids = [item.pk for item in ordered]
    if article.pk not in ids:
        return None
    at = ids.index(article.pk)
    return StoryPlace(position=at + 1, total=len(ids), newer=ordered[at + 1 :][-newest:][::-1])
