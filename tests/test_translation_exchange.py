"""Export of texts to translate as PO, and their import: round trip, conflicts, refusals."""

import polib
import pytest
from django.utils import translation

from news.models import Article
from publishing.exchange import export_po, import_po
from publishing.translation_status import pending, states_of_item
from tests.admin_support import make_editor
from tests.factories import make_article, make_meeting, make_session

pytestmark = pytest.mark.django_db

PAGE = "/admin/publishing/fieldtranslation/"


def export(language="en"):
    querysets = [Article.objects.all()]
    return export_po(pending(querysets, [language]), language)


def test_export_holds_source_context_and_the_earlier_source_of_a_stale_text():
    stale = make_article(title_bg="Стара", body_bg="<p>Първи абзац.</p>")
    stale.body_bg = "<p>Първи абзац.</p><p>Втори абзац.</p>"
    stale.save()
    missing = make_article(summary_en="")
    with translation.override("bg"):
        po = export()
    entries = {entry.msgctxt: entry for entry in po}
    body = entries[f"news.article:{stale.pk}:body:bg"]
    assert body.msgid == "<p>Първи абзац.</p><p>Втори абзац.</p>"
    assert body.previous_msgid == "<p>Първи абзац.</p>"
    assert body.msgstr == stale.body_en
    assert "fuzzy" in body.flags
    assert "Стара" in body.comment
    summary = entries[f"news.article:{missing.pk}:summary:bg"]
    assert (summary.msgid, summary.msgstr, summary.flags) == (missing.summary_bg, "", [])
    assert po.metadata["Language"] == "en"


def test_a_translated_file_comes_back_in_and_clears_the_states():
    meeting = make_meeting()
    session = make_session(meeting, title_bg="Откриване", title_en="")
    article = make_article(summary_en="")
    po = export_po(pending([Article.objects.all(), type(meeting).objects.all()], ["en"]), "en")
    for entry in po:
        entry.msgstr = f"EN: {entry.msgid}"
    report = import_po(str(po).encode(), user=make_editor(), name="en.po")
    assert not report.refused, report.problems
    assert len(report.imported) == 2 and report.conflicts == []
    article.refresh_from_db()
    session.refresh_from_db()
    assert article.summary_en == f"EN: {article.summary_bg}"
    assert session.title_en == "EN: Откриване"
    assert states_of_item(article)["en"].state == "current"
    assert states_of_item(meeting)["en"].state == "current"


def test_an_import_never_overwrites_a_text_changed_after_the_export_and_says_so():
    changed_here = make_article(summary_en="")
    source_changed = make_article(summary_en="")
    untouched = make_article(summary_en="")
    po = export()
    for entry in po:
        entry.msgstr = "From the translator"
    changed_here.summary_en = "Written in the admin meanwhile"
    changed_here.save()
    source_changed.summary_bg = "Променено резюме"
    source_changed.save()

    with translation.override("en"):
        report = import_po(str(po))
    assert not report.refused, report.problems
    assert len(report.conflicts) == 2
    assert any(changed_here.title_en in line and "English" in line for line in report.conflicts)
    assert any(source_changed.title_en in line and "Bulgarian" in line for line in report.conflicts)
    for article in (changed_here, source_changed, untouched):
        article.refresh_from_db()
    assert changed_here.summary_en == "Written in the admin meanwhile"
    assert source_changed.summary_en == ""
    assert untouched.summary_en == "From the translator"


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (lambda text: b"\xff\xfe not text", "not UTF-8"),
        (lambda text: 'msgid "open\nmsgstr', "not a PO file"),
        (lambda text: text.replace("X-Smolyan-Translations: 1", "X-Other: 1"), "not exported"),
        (lambda text: text.replace(":summary:bg", ":nonsense:bg"), "unknown id"),
        (lambda text: text.replace("news.article:", "news.article:99999", 1), "unknown id"),
        (lambda text: text.replace("Резюме на новина", "Друго резюме"), "source text"),
        (lambda text: text.replace("Language: en", "Language: de"), "language"),
    ],
)
def test_a_malformed_or_foreign_file_is_refused_whole_and_changes_nothing(spoil, expected):
    first = make_article(summary_en="")
    second = make_article(summary_en="")
    po = export()
    for entry in po:
        entry.msgstr = "Translated"
    with translation.override("en"):
        report = import_po(spoil(str(po)))
    assert report.refused
    assert any(expected in line for line in report.problems), report.problems
    for article in (first, second):
        article.refresh_from_db()
        assert article.summary_en == ""


def test_every_problem_gets_its_own_line():
    make_article(summary_en="")
    make_article(summary_en="")
    text = str(export()).replace(":summary:bg", ":nonsense:bg")
    report = import_po(text)
    assert len(report.problems) == 2


def test_the_page_exports_the_filtered_texts_and_imports_them_with_a_report(client):
    article = make_article(summary_en="")
    client.force_login(make_editor())
    response = client.get(PAGE, {"language": "en", "export": "po"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="translations-en-')
    po = polib.pofile(response.content.decode())
    assert [entry.msgctxt for entry in po] == [f"news.article:{article.pk}:summary:bg"]
    po[0].msgstr = "A summary"
    upload = _upload(str(po))
    response = client.post(f"{PAGE}import/", {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "1 text was imported." in response.content.decode()
    article.refresh_from_db()
    assert article.summary_en == "A summary"

    response = client.post(
        f"{PAGE}import/", {"file": _upload("garbage")}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert "The file was refused as a whole and nothing was changed" in html
    assert "not a PO file" in html or "not exported" in html


def test_export_without_a_language_is_a_clear_400(client):
    client.force_login(make_editor())
    response = client.get(PAGE, {"export": "po"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400


def _upload(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("en.po", text.encode(), content_type="text/x-gettext-translation")


def test_the_commands_export_and_import_a_file(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    article = make_article(summary_en="")
    path = tmp_path / "en.po"
    call_command("export_translations", "en", str(path), "--model", "news.article")
    po = polib.pofile(str(path))
    assert [entry.msgctxt for entry in po] == [f"news.article:{article.pk}:summary:bg"]
    po[0].msgstr = "From the command line"
    po.save(str(path))
    call_command("import_translations", str(path))
    article.refresh_from_db()
    assert article.summary_en == "From the command line"
    path.write_text("not a po file")
    with pytest.raises(CommandError):
        call_command("import_translations", str(path))
