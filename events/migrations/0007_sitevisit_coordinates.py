# The site visit takes the partner's coordinate field group: its help and its constraint.

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0006_consistent_names'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='sitevisit',
            name='sitevisit_coordinates_paired',
        ),
        migrations.AlterField(
            model_name='sitevisit',
            name='latitude',
            field=models.DecimalField(blank=True, decimal_places=6, help_text='Decimal degrees, e.g. 41.574 for Smolyan. Places it on the map.', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude'),
        ),
        migrations.AlterField(
            model_name='sitevisit',
            name='longitude',
            field=models.DecimalField(blank=True, decimal_places=6, help_text='Decimal degrees, e.g. 24.701 for Smolyan.', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude'),
        ),
        migrations.AddConstraint(
            model_name='sitevisit',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('latitude__isnull', True), ('longitude__isnull', True)), models.Q(('latitude__gte', -90), ('latitude__isnull', False), ('latitude__lte', 90), ('longitude__gte', -180), ('longitude__isnull', False), ('longitude__lte', 180)), _connector='OR'), name='sitevisit_coordinates_valid', violation_error_message='Give both latitude and longitude, within -90…90 and -180…180.'),
        ),
    ]
