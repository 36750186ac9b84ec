"""View mixins that every public page of published content shares."""

from functools import wraps

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from publishing.languages import language_urls
from publishing.models import SlugRedirect
from publishing.translation_status import STALE, states_of_item
from publishing.translations import part_prefetches


def kept_once_asked_again(view):
    """Mark a view's answers as kept by the page cache only once their address is asked
    for a second time (smolyan_portal/page_cache.py).

    For pages whose address holds what a visitor typed, such as search: the words many
    people look for are answered from the cache, while words asked once take no room in it
    and push no other page out.
    """

    @wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.kept_once_asked_again = True
        return response

    return marked


def find_by_slug(queryset, slug):
    """The item whose address in the active language ends with this slug, or None."""
    language = get_language()
    obj = queryset.filter(**{f"slug_{language}": slug}).first()
    if obj is None and language != settings.LANGUAGE_CODE:
        # Without an English slug the English page uses the Bulgarian one.
        untranslated = Q(**{f"slug_{language}": ""}) | Q(**{f"slug_{language}__isnull": True})
        obj = queryset.filter(untranslated, **{f"slug_{settings.LANGUAGE_CODE}": slug}).first()
    return obj


class PublishedListMixin:
    """A list of what visitors may see: published items only, even for staff."""

    def get_queryset(self):
        return super().get_queryset().published()


class TranslatedDetailView(DetailView):
    """One published item by its slug in the page's language.

    Staff who may change the item also see drafts and scheduled items, marked as a
    preview. An old slug answers with a permanent redirect to the current address.
    """

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def find_object(self, slug):
        return find_by_slug(self.get_queryset(), slug)

    def redirect_target(self, slug):
        """The item that once had this slug, if the visitor may see it; one row, no prefetch."""
        # A redirect needs only the item's address, not what its page shows.
        visible = self.get_queryset().prefetch_related(None)
        languages = dict.fromkeys([get_language(), settings.LANGUAGE_CODE])
        for language in languages:
            target = SlugRedirect.objects.target_for(self.model, language, slug, queryset=visible)
            if target is not None:
                return target
        return None

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        self.object = self.find_object(slug)
        if self.object is None:
            target = self.redirect_target(slug)
            if target is not None:
                return HttpResponsePermanentRedirect(target.get_absolute_url())
            raise Http404(_("No such page."))
        if self.object.get_absolute_url() != request.path:
            # The Bulgarian slug on the English page, once an English one exists.
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        context = self.get_context_data(object=self.object)
        response = self.render_to_response(context)
        if context["is_preview"]:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        language = get_language()
        context["is_preview"] = not obj.is_published
        # The parts whose texts count towards the item's; Django skips what a view prefetched.
        prefetch_related_objects([obj], *part_prefetches(type(obj)))
        states = states_of_item(obj)
        languages = [code for code, state in states.items() if state.translated]
        context["language_urls"] = language_urls(obj, languages or [settings.LANGUAGE_CODE])
        context["fallback_language"] = (
            settings.LANGUAGE_CODE
            if language != settings.LANGUAGE_CODE and not states[language].translated
            else None
        )
        context["stale_notice"] = stale_notice(obj, states[language])
        return context


def stale_notice(obj, state):
    """What the page says when its text may lack a change made in another language."""
    if state.state != STALE:
        return None
    source = state.source_languages[0]
    with translation.override(source):
        url = obj.get_absolute_url()
    return {
        "code": source,
        "source": state.sources_name,
        "language": state.name,
        "date": state.changed_at,
        "url": url,
    }
