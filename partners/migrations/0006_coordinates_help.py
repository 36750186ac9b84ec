# The coordinate field group, shared with site visits, words its help for both.

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0005_publish_permission'),
    ]

    operations = [
        migrations.AlterField(
            model_name='partner',
            name='latitude',
            field=models.DecimalField(blank=True, decimal_places=6, help_text='Decimal degrees, e.g. 41.574 for Smolyan. Places it on the map.', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude'),
        ),
    ]
