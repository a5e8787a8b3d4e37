"""End-to-end tests: the CLI and the SDK workflows against the sandbox over real HTTP."""
