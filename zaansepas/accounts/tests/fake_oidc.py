"""A small but real OpenID Connect provider for tests: authorize, token, userinfo and JWKS
over HTTP on a loopback port, with RS256-signed ID tokens. Stands in for a DigiD broker."""

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class FakeOIDCProvider:
    client_id = "zaansepas-test"
    client_secret = "test-secret"

    def __init__(self, subject="digid-pseudo-123", email="burger@example.org"):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key-1"
        self.subject, self.email = subject, email
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, str] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def settings(self) -> dict:
        return {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.base + "/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": self.base + "/token",
            "OIDC_OP_USER_ENDPOINT": self.base + "/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": self.base + "/jwks",
            "OIDC_RP_SIGN_ALGO": "RS256",
        }

    def _id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": self.base,
            "sub": self.subject,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
        }
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, body, status=200):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/authorize":
                    # The resident "logs in with DigiD" at once and is sent back with a code.
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = {"nonce": query.get("nonce", "")}
                    target = (
                        query["redirect_uri"]
                        + "?"
                        + urlencode({"code": code, "state": query["state"]})
                    )
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                elif url.path == "/jwks":
                    jwk = json.loads(RSAAlgorithm.to_jwk(provider.key.public_key()))
                    jwk.update(kid=provider.kid, alg="RS256", use="sig")
                    self._json({"keys": [jwk]})
                elif url.path == "/userinfo":
                    auth = self.headers.get("Authorization", "")
                    if auth.removeprefix("Bearer ") not in provider.tokens:
                        self._json({"error": "invalid_token"}, 401)
                        return
                    self._json({"sub": provider.subject, "email": provider.email})
                else:
                    self._json({"error": "not_found"}, 404)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if self.path != "/token" or form.get("code") not in provider.codes:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                grant = provider.codes.pop(form["code"])
                access = secrets.token_urlsafe(16)
                provider.tokens[access] = provider.subject
                self._json(
                    {
                        "access_token": access,
                        "token_type": "Bearer",
                        "id_token": provider._id_token(grant["nonce"]),
                        "expires_in": 300,
                    }
                )

        return Handler
