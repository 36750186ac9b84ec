"""`{% for partner in partners|alphabetical %}`: names in the page language's order."""

from django import template

from publishing.collation import by_name

register = template.Library()


@register.filter
def alphabetical(items, attribute="name"):
    return by_name(items, attribute)
