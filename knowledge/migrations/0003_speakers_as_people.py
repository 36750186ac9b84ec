"""Sessions' free-text speakers become people, where a line says plainly who it is.

A line is taken only when it reads "Given-name Family-name, role" in Bulgarian and, at the
same place of the English text (if there is one), in English: two or three capitalised
words of letters, a comma, and the role. "The team of…" or "Representatives of…" stay as
text, and so does every line of a session whose two languages do not pair up line by line.
The people made here are drafts without a basis: an editor records consent or the public
office before a name appears on the site.
"""

from django.db import migrations


def personal_name(text):
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    return all(
        word[0].isupper() and word[1:].replace("-", "").isalpha() and word[1:].islower()
        for word in words
    )


def name_and_role(line):
    """(name, role) of a line that plainly names one person, else None."""
    name, comma, role = line.partition(",")
    name, role = name.strip(), role.strip()
    if not comma or not role or "," in role or not personal_name(name):
        return None
    return name, role


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def people_of(session):
    """[(index, (name_bg, role_bg), (name_en, role_en) or None)] of the lines to convert."""
    bg, en = lines(session.speakers_bg), lines(session.speakers_en)
    if en and len(en) != len(bg):
        return []
    found = []
    for index, line in enumerate(bg):
        bg_person = name_and_role(line)
        en_person = name_and_role(en[index]) if en else None
        if bg_person and (not en or en_person):
            found.append((index, bg_person, en_person))
    return found


def speakers_to_people(apps, schema_editor):
    Session = apps.get_model("events", "Session")
    Person = apps.get_model("knowledge", "Person")
    for session in Session.objects.exclude(speakers_bg="").exclude(speakers_bg__isnull=True):
        found = people_of(session)
        if not found:
            continue
        for _index, (name_bg, role_bg), en_person in found:
            name_en, role_en = en_person or ("", "")
            person = Person.objects.filter(name_bg=name_bg, role_bg=role_bg).first()
            if person is None:
                person = Person.objects.create(
                    name=name_bg,
                    name_bg=name_bg,
                    name_en=name_en,
                    role=role_bg,
                    role_bg=role_bg,
                    role_en=role_en,
                    status="draft",
                )
            person.spoke_at.add(session)
        taken = {index for index, _bg, _en in found}
        remaining = {
            code: "\n".join(
                line
                for index, line in enumerate(lines(getattr(session, f"speakers_{code}")))
                if index not in taken
            )
            for code in ("bg", "en")
        }
        Session.objects.filter(pk=session.pk).update(
            speakers=remaining["bg"], speakers_bg=remaining["bg"], speakers_en=remaining["en"]
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_seed_topics"), ("events", "0006_consistent_names")]

    # Going back keeps the people: the lines they came from are in their records.
    operations = [migrations.RunPython(speakers_to_people, migrations.RunPython.noop)]
