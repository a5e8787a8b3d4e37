"""Tests of the OpenAPI documents in spec/: against the vendor pages, their examples and rules."""
