"""The README of a project's CSV export: the licence and the data dictionary, in both languages."""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from api.dictionary import LANGUAGE_CODES, TABLES, column_type_label
from media.licences import content_licence


def readme(request, project):
    parts = []
    licence = content_licence()
    for code in LANGUAGE_CODES:
        with translation.override(code):
            title = getattr(project, f"title_{code}", "") or project.title_bg
            lines = [
                title,
                "=" * len(title),
                "",
                _("Data of the project from %(url)s, exported on %(date)s.")
                % {
                    "url": request.build_absolute_uri(project.get_absolute_url()),
                    "date": timezone.localdate().isoformat(),
                },
                _("Licence: %(name)s %(url)s") % {"name": licence.name, "url": licence.url},
                _("Files are UTF-8 with a byte order mark; tables refer to each other by id."),
                _("Data dictionary: %(url)s")
                % {"url": request.build_absolute_uri(reverse("opendata:data-dictionary"))},
                "",
            ]
            for table in TABLES:
                lines += [f"{table.file_name}: {table.description}"]
                for column in table.columns:
                    names = ", ".join(column.names())
                    lines.append(
                        f"  {names} ({column_type_label(column.type)}): {column.description}"
                    )
                lines.append("")
            parts.append("\n".join(lines))
    return "\n\n".join(parts)
