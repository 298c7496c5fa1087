"""``{% page_metadata %}``: canonical link, Open Graph, Twitter card, feed links and JSON-LD."""

from typing import Any

from django import template

from broadsheet.metadata.jsonld import json_ld_script
from broadsheet.metadata.pages import metadata_for

register = template.Library()


@register.inclusion_tag("metadata/head.html", takes_context=True)
def page_metadata(context: template.Context) -> dict[str, Any]:
    """Everything a page says about itself in its ``<head>``; put it in the base template."""
    metadata = metadata_for(context)
    if metadata is None:
        return {"metadata": None}
    return {
        "metadata": metadata,
        "json_ld": [json_ld_script(block) for block in metadata.json_ld],
    }
