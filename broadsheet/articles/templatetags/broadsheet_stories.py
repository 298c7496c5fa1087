"""``{% story_place page as place %}``: an article's place in its developing story."""

from django import template

from broadsheet.articles.selectors import public_articles
from broadsheet.articles.stories import StoryPlace, key, place_of
from broadsheet.caching import keys

register = template.Library()


@register.simple_tag(takes_context=True)
def story_place(context: template.Context, article) -> StoryPlace | None:
    """Where the article stands in its story, and the newer items, for "Latest on this story".

    The page names the story's key: publishing a newer article in it purges this one."""
    if getattr(article, "story_id", None) is None:
        return None
    keys.add(key(article.story_id))
    return place_of(article, public_articles(context.get("request")))
