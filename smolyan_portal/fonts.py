"""The site's typeface, cut from a font package on PyPI to the letters the pages need.

Source Sans 3 comes from `fontpkg-source-sans-3` as two variable TrueType files of
650 and 400 KB with Greek and Vietnamese. Browsers need WOFF2, and these pages need
Latin (with the letters of the partners' languages) and Cyrillic: this finder makes
those WOFF2 subsets with fontTools, keeps them in a cache folder keyed by everything
that shapes them, and hands them to collectstatic and to the development server like
any other static file. Nothing third-party is copied into the repository.
"""

import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path

import fontpkg_source_sans_3
import fontTools
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage
from fontTools import subset

# Basic Latin and Latin-1, Latin Extended-A and the Romanian comma-below letters (the
# partners' names), Bulgarian and the rest of the basic Cyrillic block, typographic
# punctuation (dashes, „quotes“, the ellipsis), the euro, №, arrows and the minus.
UNICODE_RANGES = (
    "U+0020-007E,U+00A0-00FF,U+0100-017F,U+0218-021B,U+02BC,U+02C6,U+02DA,U+02DC,"
    "U+0400-045F,U+0490-0491,U+2010-2027,U+2030-203A,U+20AC,U+2116,U+2122,U+2190-2193,U+2212"
)
# fontTools keeps the features browsers apply by default (kerning, ligatures); these are
# asked for by the stylesheet.
EXTRA_FEATURES = ["case", "lnum", "pnum", "tnum"]
# Not the Bulgarian letter forms (д, л, т drawn as in handwriting) that lang="bg" would
# switch on: readers know the municipality's documents, signs and forms in the common ones.
DROPPED_FEATURES = ["locl"]

# Its subsetter reports every table it touches at INFO, hundreds of lines a font.
logging.getLogger("fontTools").setLevel(logging.WARNING)

_SOURCE = Path(fontpkg_source_sans_3.ROOT) / "files"
# Static name -> the package's file it is cut from.
FONT_FILES = {
    "fonts/source-sans-3.woff2": _SOURCE / "SourceSans3[wght].ttf",
    "fonts/source-sans-3-italic.woff2": _SOURCE / "SourceSans3-Italic[wght].ttf",
}


def cache_folder():
    return Path(getattr(settings, "FONT_CACHE_DIR", "") or tempfile.gettempdir()) / "site-fonts"


def subset_key(source):
    """A name for one subset: it changes with the source, the ranges and fontTools."""
    stat = source.stat()
    spec = repr(
        (source.name, stat.st_size, stat.st_mtime_ns, fontTools.version)
        + (UNICODE_RANGES, EXTRA_FEATURES, DROPPED_FEATURES)
    )
    return hashlib.sha256(spec.encode()).hexdigest()[:16]


def make_subset(source):
    """The WOFF2 bytes of `source` cut to UNICODE_RANGES."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = [
        feature
        for feature in options.layout_features + EXTRA_FEATURES
        if feature not in DROPPED_FEATURES
    ]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODE_RANGES))
    subsetter.subset(font)
    output = io.BytesIO()
    subset.save_font(font, output, options)
    return output.getvalue()


def subset_path(name, source):
    """The cached subset of `source` for static `name`, made first if it is not there yet."""
    folder = cache_folder() / subset_key(source)
    target = folder / Path(name).name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        data = make_subset(source)
        # Written aside and renamed, so a second process never reads half a font.
        handle, partial = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(partial, 0o644)
        os.replace(partial, target)
    return target


class SubsetFontFinder(BaseFinder):
    """Finds the fonts of FONT_FILES, cutting each from its package on first use."""

    def check(self, **kwargs):
        return [
            Error(f"{source} does not exist.", id="smolyan_portal.E002")
            for source in FONT_FILES.values()
            if not source.exists()
        ]

    def find(self, path, find_all=False, **kwargs):
        source = FONT_FILES.get(path)
        if source is None:
            # Django's own finders answer [] for "not here", whatever find_all says.
            return []
        match = str(subset_path(path, source))
        return [match] if find_all or kwargs.get("all") else match

    def list(self, ignore_patterns):
        for name, source in FONT_FILES.items():
            if matches_patterns(name, ignore_patterns or []):
                continue
            target = subset_path(name, source)
            storage = FileSystemStorage(location=target.parent)
            # collectstatic publishes each file under storage.prefix.
            storage.prefix = str(Path(name).parent)
            yield target.name, storage
