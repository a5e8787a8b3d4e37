"""contactimport sandbox: a stateful reference server for the W50API and CheckMarket v3 import APIs."""
