"""WSGI entry point for gunicorn: ``gunicorn sectorhub.config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sectorhub.config.settings")
application = get_wsgi_application()
