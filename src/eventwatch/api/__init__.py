"""REST API and dashboard over a store opened read-only: ``create_app(db_path)``."""

from eventwatch.api.app import create_app

__all__ = ["create_app"]
