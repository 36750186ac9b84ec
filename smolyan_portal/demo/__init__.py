"""Demo content for `manage.py load_demo`: data modules, drawings and document files."""
