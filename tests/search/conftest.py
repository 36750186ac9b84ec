import html
import re

RESULT_TITLE = re.compile(r'<h2 class="search-result__title"><a href="([^"]*)">([^<]*)</a>')


def search_page(client, language, **params):
    path = "/bg/tarsene/" if language == "bg" else "/en/search/"
    return client.get(path, params)


def result_titles(response):
    """The titles of the results on a search page, in order."""
    return [html.unescape(title) for _url, title in RESULT_TITLE.findall(response.content.decode())]


def result_urls(response):
    return [html.unescape(url) for url, _title in RESULT_TITLE.findall(response.content.decode())]
