"""Where the sandbox serves each API (a module of its own: the light modules import it too)."""

W50_PREFIX = "/Which50API"  # the W50API's paths start here; CheckMarket's already with /3/
CM_PREFIX = ""


class ClientUrls:
    """The clients' base URLs under a sandbox's origin ``url`` (a running sandbox, a handle)."""

    url: str

    @property
    def which50_url(self) -> str:
        """The W50API's base URL (``Which50(base_url=...)``)."""
        return self.url + W50_PREFIX

    @property
    def checkmarket_url(self) -> str:
        """CheckMarket's base URL (``CheckMarket(base_url=...)``)."""
        return self.url + CM_PREFIX
