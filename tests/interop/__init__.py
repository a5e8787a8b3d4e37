"""Interoperability tests against the real .NET serializers (Mono)."""
