"""Tags of the page head: `{% capture %}` and `{% head_meta %}`."""

from django import template
from django.utils.safestring import mark_safe

from smolyan_portal.page_meta import page_meta

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the template rendered is already escaped.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render once, use the text several times.

    The blocks inside stay blocks that child templates fill, so the page title is written
    once and shown in <title> and in the Open Graph tags alike.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.inclusion_tag("includes/head_meta.html", takes_context=True)
def head_meta(context, title, description, alternates=()):
    """Canonical link, Open Graph and Twitter card tags, and the page's JSON-LD."""
    return page_meta(context, title, description, alternates)
