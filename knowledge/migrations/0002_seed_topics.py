"""The first topics, close to the Smart Cities Marketplace themes; editors may change them."""

from django.db import migrations

from publishing.transliteration import slugify_bg

TOPICS = [
    ("Позитивно енергийни блокове и квартали", "Positive energy blocks and districts"),
    ("Сгради", "Buildings"),
    ("Мобилност", "Mobility"),
    ("Участие на гражданите", "Citizen engagement"),
    ("Финансиране и бизнес модели", "Finance and business models"),
    ("Управление и регулиране", "Governance and regulation"),
    ("Данни и цифровизация", "Data and digital"),
    ("Адаптация към климата", "Climate adaptation"),
]


def english_slug(text):
    return "-".join("".join(c for c in word if c.isalnum()) for word in text.lower().split())


def create_topics(apps, schema_editor):
    Topic = apps.get_model("knowledge", "Topic")
    for order, (name_bg, name_en) in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(
            slug_bg=slugify_bg(name_bg, max_length=80),
            defaults={
                "name": name_bg,
                "name_bg": name_bg,
                "name_en": name_en,
                "slug": slugify_bg(name_bg, max_length=80),
                "slug_en": english_slug(name_en),
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial"), ("publishing", "0003_detached_links")]

    # Going back leaves the topics: editors may have changed them and linked content to them.
    operations = [migrations.RunPython(create_topics, migrations.RunPython.noop)]
