"""``{% fragment "name" part… %}…{% endfragment %}``: a shared, exactly invalidated fragment.

The enclosed template is rendered once and reused by later anonymous requests until site
content changes (see :mod:`broadsheet.caching.fragments`). ``part`` values are everything else
the output depends on, e.g. the page's id. Signed-in readers and previews always render it.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from broadsheet.caching import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name: template.base.FilterExpression, parts, nodelist) -> None:
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context: template.Context) -> SafeString:
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = fragments.cached(
            context.get("request"), name, parts, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308 (our own template's output, autoescaped there)


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
