"""The first accessibility statement, in both languages: honest about what is not yet known."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

NON_ACCESSIBLE_BG = """\
<p>Порталът отговаря частично на изискванията: независим одит на достъпността все още не е \
извършван. Докато това стане, ни е известно следното съдържание, което може да не е достъпно.</p>
<h3>Несъответствия с изискванията за достъпност</h3>
<ul>
<li><p><strong>Документи на партньори и проекти.</strong> Голяма част от файловете PDF, \
презентациите и докладите в портала са изготвени от партньорски градове и организации. Те може \
да не са структурирани (тагирани) за екранни четци, да нямат текстово описание на изображенията \
и диаграмите или да са сканирани страници без истински текст (WCAG 1.1.1, 1.3.1, 2.4.2). Ако се \
нуждаете от документ в достъпен вид, пишете ни и ще го поискаме от автора или ще го подготвим.</p></li>
<li><p><strong>Картата на партньорските градове.</strong> Картата се показва само ако я поискате, \
и тогава изображенията ѝ се зареждат от OpenStreetMap. Възможно е картата да не може да се ползва \
изцяло с екранен четец или само с клавиатура (WCAG 1.1.1, 2.1.1). Списъкът на партньорите до нея \
съдържа същата информация: имена, държави и градове.</p></li>
<li><p><strong>Съдържание само на един език.</strong> Някои материали са публикувани само на \
български. Тогава английската страница показва българския текст, отбелязан като текст на \
български, за да го прочитат екранните четци на правилния език.</p></li>
</ul>
<h3>Съдържание извън обхвата на изискванията</h3>
<ul>
<li><p>Офис файлове (PDF, текстови документи, презентации), публикувани преди 23 септември \
2018 г., освен ако са необходими за текущи административни процедури.</p></li>
<li><p>Онлайн карти и картографски услуги, както и съдържание на трети страни, което общината \
не финансира, не разработва и не контролира, като картните изображения на OpenStreetMap \
(Директива (ЕС) 2016/2102, чл. 1, ал. 4).</p></li>
</ul>
"""

NON_ACCESSIBLE_EN = """\
<p>The portal is partially compliant: no independent accessibility audit has been carried out \
yet. Until one is, we know of the following content that may not be accessible.</p>
<h3>Non-compliance with the accessibility requirements</h3>
<ul>
<li><p><strong>Documents from partners and projects.</strong> Many of the PDF files, \
presentations and reports on the portal were prepared by partner cities and organisations. They \
may not be tagged for screen readers, may lack text alternatives for pictures and charts, or may \
be scanned pages without real text (WCAG 1.1.1, 1.3.1, 2.4.2). If you need a document in an \
accessible form, write to us and we will ask its author for one or prepare it ourselves.</p></li>
<li><p><strong>The map of partner cities.</strong> The map is shown only when you ask for it, and \
its map pictures then come from OpenStreetMap. The map may not be fully usable with a screen \
reader or with the keyboard alone (WCAG 1.1.1, 2.1.1). The list of partners beside it carries the \
same information: names, countries and cities.</p></li>
<li><p><strong>Content in one language.</strong> Some items are published in Bulgarian only. The \
English page then shows the Bulgarian text, marked as Bulgarian so that screen readers read it in \
the right language.</p></li>
</ul>
<h3>Content outside the scope of the requirements</h3>
<ul>
<li><p>Office files (PDF, text documents, presentations) published before 23 September 2018, \
unless they are needed for active administrative processes.</p></li>
<li><p>Online maps and mapping services, and third-party content that the municipality neither \
funds, develops nor controls, such as the map pictures of OpenStreetMap (Directive (EU) \
2016/2102, Article 1(4)).</p></li>
</ul>
"""

PREPARATION_BG = """\
<p>Декларацията е изготвена въз основа на самооценка от разработчиците на портала. Всеки вид \
страница е проверен на български и на английски с автоматични тестове (инструмента axe-core по \
критериите на WCAG 2.1, ниво A и AA, и валидатора на HTML на W3C), с клавиатура и при ширина на \
екрана 320 пиксела. Независим одит все още не е извършван; декларацията ще бъде обновена след \
него.</p>
"""

PREPARATION_EN = """\
<p>The statement is based on a self-assessment by the portal's developers. Each type of page was \
checked in Bulgarian and in English with automated tests (the axe-core engine against the WCAG \
2.1 level A and AA criteria, and the W3C HTML checker), with the keyboard, and at a screen width \
of 320 pixels. No independent audit has been carried out yet; the statement will be updated \
after one.</p>
"""

ENFORCEMENT_BG = """\
<p>Ако не сте доволни от отговора ни на вашето съобщение или искане или не сте получили \
отговор, можете да сезирате Министерството на електронното управление, което наблюдава \
достъпността на уебсайтовете и мобилните приложения на организациите от обществения сектор \
съгласно Закона за електронното управление.</p>
"""

ENFORCEMENT_EN = """\
<p>If you are not satisfied with our reply to your message or request, or have received no \
reply, you can refer the matter to the Ministry of Electronic Governance, which monitors the \
accessibility of the websites and mobile applications of public sector bodies under the \
Electronic Governance Act.</p>
"""


def create_statement(apps, schema_editor):
    statement_model = apps.get_model("smolyan_portal", "AccessibilityStatement")
    if statement_model.objects.exists():
        return
    today = timezone.localdate()
    statement_model.objects.create(
        pk=1,
        conformance_status="partial",
        preparation_method="self",
        prepared_on=today,
        reviewed_on=today,
        feedback_email=settings.PORTAL_CONTACT_EMAIL,
        non_accessible_content=NON_ACCESSIBLE_BG,
        non_accessible_content_bg=NON_ACCESSIBLE_BG,
        non_accessible_content_en=NON_ACCESSIBLE_EN,
        preparation_details=PREPARATION_BG,
        preparation_details_bg=PREPARATION_BG,
        preparation_details_en=PREPARATION_EN,
        enforcement_procedure=ENFORCEMENT_BG,
        enforcement_procedure_bg=ENFORCEMENT_BG,
        enforcement_procedure_en=ENFORCEMENT_EN,
    )


class Migration(migrations.Migration):
    dependencies = [("smolyan_portal", "0001_initial")]

    operations = [migrations.RunPython(create_statement, migrations.RunPython.noop)]
