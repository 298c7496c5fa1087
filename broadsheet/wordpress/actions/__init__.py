"""The import's writes, one module per kind of thing: each takes the run's context and records
what it did in the report (``broadsheet/wordpress/report.py``)."""
