"""The blocks an article body is made of, and the text a reader reads in them."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Body text is deliberately plain: emphasis, links and lists, nothing a designer must undo.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    """A photo with its caption; the credit comes from the photo unless given here."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        required=False, label=_("Caption"), help_text=_("Leave empty for the photo's caption.")
    )
    credit = blocks.CharBlock(
        required=False, label=_("Credit"), help_text=_("Leave empty for the photo's credit.")
    )

    class Meta:
        icon = "image"
        template = "articles/blocks/figure.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    body = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Facts"))

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/fact_box.html"


class RelatedArticleBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(page_type="articles.ArticlePage", label=_("Article"))
    label = blocks.CharBlock(required=False, default="", label=_("Label"))

    class Meta:
        icon = "link"
        template = "articles/blocks/related.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Paragraph"))
    subheading = blocks.CharBlock(
        label=_("Subheading"), form_classname="title", template="articles/blocks/subheading.html"
    )
    quote = QuoteBlock(label=_("Quote"))
    image = FigureBlock(label=_("Image"))
    fact_box = FactBoxBlock(label=_("Fact box"))
    related = RelatedArticleBlock(label=_("Related article"))


@dataclass(frozen=True)
class ReadableContent:
    """What a reader reads in a body: text fragments (HTML allowed) and a count of images."""

    texts: tuple[str, ...]
    image_count: int


def readable_content(body: Iterable, *, extra_texts: Iterable[str] = ()) -> ReadableContent:
    """Collect the text and images of a StreamField body, in reading order.

    Related-article links are navigation, not reading, so they do not count.
    """
    texts: list[str] = [text for text in extra_texts if text]
    images = 0
    for child in body:
        kind, value = child.block_type, child.value
        if kind == "paragraph":
            texts.append(value.source)
        elif kind == "subheading":
            texts.append(value)
        elif kind == "quote":
            texts.extend([value["text"], value["attribution"]])
        elif kind == "fact_box":
            texts.extend([value["title"], value["body"].source])
        elif kind == "image":
            images += 1
            texts.append(figure_caption(value))
    return ReadableContent(texts=tuple(t for t in texts if t), image_count=images)


def figure_caption(value: blocks.StructValue) -> str:
    """The caption a figure shows: its own, or the photo's default."""
    image = value.get("image")
    return value.get("caption") or (getattr(image, "default_caption", "") if image else "")
