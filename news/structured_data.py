"""An article as search engines and social networks read it: NewsArticle and Open Graph."""

from django.utils.translation import get_language

from media.licences import image_rights
from media.sharing import image_object, shared_image
from publishing.structured_data import (
    absolute_url,
    iso_datetime,
    site_publisher,
    without_empty,
)


def article_image(request, article):
    alt = "" if article.cover_image_decorative else article.cover_image_alt
    return shared_image(request, article.cover_image, alt, image_rights(article, "cover_image"))


def source_work(article):
    """Where the article was first published, when it names its source."""
    if not article.source_publisher:
        return None
    return without_empty(
        {
            "@type": "CreativeWork",
            "publisher": {"@type": "Organization", "name": article.source_publisher},
            "datePublished": iso_datetime(article.source_date),
            "url": article.source_url,
        }
    )


def news_article(request, article, image):
    url = absolute_url(request, article.get_absolute_url())
    publisher = site_publisher(request, logo=image_object(shared_image(request)))
    author = {"@type": "Person", "name": article.author} if article.author else publisher
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": url,
            "url": url,
            "mainEntityOfPage": url,
            "headline": article.title,
            "description": article.summary,
            "inLanguage": get_language(),
            "datePublished": iso_datetime(article.published_at),
            "dateModified": iso_datetime(last_modified(article)),
            "image": [image_object(image)],
            "author": [author],
            "publisher": publisher,
            "isBasedOn": source_work(article),
            "about": [
                {
                    "@type": "Project",
                    "name": str(project),
                    "url": absolute_url(request, project.get_absolute_url()),
                }
                for project in article.projects.all()
            ],
        }
    )


def last_modified(article):
    """The later of its publication and its last change; a draft's preview has no publication."""
    return max(filter(None, [article.published_at, article.updated_at]), default=None)


def describe_article(request, article, context):
    """What the head of an article's page says about it."""
    image = article_image(request, article)
    return {
        "og_type": "article",
        "image": image,
        "open_graph": [
            ("article:published_time", iso_datetime(article.published_at)),
            ("article:modified_time", iso_datetime(last_modified(article))),
        ],
        "json_ld": [news_article(request, article, image)],
    }
