"""Sections that apps above projects add to a project's page (its results and solutions).

A loader registered here takes the project and returns the data of its section, or
nothing; the section's template is included with `data` after the project's own parts.
"""

from publishing.sections import PageSections

project_sections = PageSections()
