"""Who may call: the W50 bearer token and its permission, CheckMarket's key pair and its roles,
and the admin key of the sandbox's control endpoints."""

from __future__ import annotations

from starlette.requests import Request

from .errors import Forbidden, Unauthorized
from .fixtures import CheckMarketAccount, W50Account
from .state import Sandbox

W50_UNAUTHORIZED = "Authorization has been denied for this request."
W50_FORBIDDEN = "The user does not have the relevant permissions to perform this action."
CM_UNAUTHORIZED = "Authorization has been denied for this request."
ADMIN_HEADER = "X-Sandbox-Admin-Key"
ADMIN_UNAUTHORIZED = (
    f"The sandbox's control endpoints need the admin key of its fixtures (sandbox.adminKey) in "
    f"the {ADMIN_HEADER} header."
)
ADMIN_FORBIDDEN = f"The {ADMIN_HEADER} header does not hold the sandbox's admin key."


def authenticate_w50(sandbox: Sandbox, request: Request, permission: str) -> W50Account:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(W50_UNAUTHORIZED)
    found = sandbox.fixtures.w50_token(token.strip())
    if found is None:
        raise Unauthorized(W50_UNAUTHORIZED)
    account, credentials = found
    if permission not in credentials.permissions:
        raise Forbidden(W50_FORBIDDEN)
    return account


def authenticate_cm(
    sandbox: Sandbox, request: Request, roles: tuple[str, ...]
) -> CheckMarketAccount:
    master = request.headers.get("x-master-key")
    key = request.headers.get("x-key")
    if not master or not key:
        raise Unauthorized(CM_UNAUTHORIZED)
    found = sandbox.fixtures.checkmarket_key(master, key)
    if found is None:
        raise Unauthorized(CM_UNAUTHORIZED)
    account, credentials = found
    missing = [role for role in roles if role not in credentials.roles]
    if missing:
        raise Forbidden(f"The key lacks the role {', '.join(missing)}.")
    return account


def authenticate_admin(sandbox: Sandbox, request: Request) -> None:
    """The control endpoints' check: the fixtures' admin key in ADMIN_HEADER."""
    given = request.headers.get(ADMIN_HEADER)
    if not given:
        raise Unauthorized(ADMIN_UNAUTHORIZED)
    if not sandbox.fixtures.is_admin_key(given):
        raise Forbidden(ADMIN_FORBIDDEN)
