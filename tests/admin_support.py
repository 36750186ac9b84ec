"""Helpers for the admin tests: submit a change form the way a browser would."""

from html.parser import HTMLParser

from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import make_user


class _FormParser(HTMLParser):
    """Collects the values a browser would submit from one <form id=...>."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._textarea = None
        self._select = None
        self._select_multiple = False
        self._options = []

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if tag == "option" and self._select is not None:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
            return
        if not self.inside or "name" not in attrs or "disabled" in attrs:
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
                return
            self._add(name, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self._add(name, "")
        elif tag == "select":
            self._select = name
            self._select_multiple = "multiple" in attrs
            self._options = []

    def handle_data(self, data):
        if self._textarea is not None:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            # Browsers drop the newline that follows <textarea>, as HTML parsing requires.
            self.data[self._textarea][-1] = self.data[self._textarea][-1].removeprefix("\n")
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and self._options and not self._select_multiple:
                chosen = [self._options[0][0]]  # What a browser sends when none is marked.
            if chosen or not self._select_multiple:
                self.data.setdefault(self._select, []).extend(chosen)
            self._select = None


def form_data(response, form_id=None):
    """The data a browser would POST from the admin change form in `response`."""
    opts = response.context["opts"]
    parser = _FormParser(form_id or f"{opts.model_name}_form")
    parser.feed(response.content.decode())
    data = {}
    for name, values in parser.data.items():
        # Inline templates carry an "__prefix__" form that JavaScript clones; never sent.
        if "__prefix__" in name:
            continue
        if values:
            data[name] = values if len(values) > 1 else values[0]
    return data


def make_editor(**overrides):
    """A staff member in the Editors group the data migration creates."""
    user = make_user(staff=True, **overrides)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def admin_url(obj_or_model, view="changelist", *args):
    opts = obj_or_model._meta
    if view in {"change", "history", "delete"}:
        args = (obj_or_model.pk, *args)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def admin_pages(obj):
    """Every admin page of an object's model: list, add, change, history, delete, recover."""
    return [
        admin_url(obj, "changelist"),
        admin_url(obj, "add"),
        admin_url(obj, "change"),
        admin_url(obj, "history"),
        admin_url(obj, "delete"),
        admin_url(obj, "recoverlist"),
    ]
