# Generated from spec/which50.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
"""Contains endpoint functions for accessing the API"""
