"""Tests of the hand-written SDK in overlays/: clients, workflows, DataContract codec, CLI."""
