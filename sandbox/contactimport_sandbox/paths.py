"""Where the sandbox serves each API (a module of its own: the light modules import it too)."""

W50_PREFIX = "/Which50API"  # the W50API's paths start here; CheckMarket's already with /3/
CM_PREFIX = ""
