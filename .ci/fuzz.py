"""Runs Schemathesis against a demo server, as a member then as an admin.

Finds real ids in the demo (a template, its dates and cheques, a producer, a rota period…)
so generated requests reach the handlers instead of stopping at 404, writes them into a
Schemathesis configuration, and runs each persona within a bounded budget.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

SLUG = "amap-des-quatre-saisons"
PASSWORD = "amapola-demo"
# Examples per operation and seconds per persona: the budget of both runs stays under 3 minutes.
EXAMPLES = 5
SECONDS = 75
# positive_data_acceptance: a request the document calls valid is accepted, or refused only for
# what no schema can state (`fuzz_hooks.py` names each such reason).
CHECKS = os.environ.get(
    "AMAPOLA_FUZZ_CHECKS",
    "not_a_server_error,status_code_conformance,response_schema_conformance,"
    "positive_data_acceptance",
)
# Routes that would end the persona's session or lock the persona out mid-run.
EXCLUDED = r"/auth/logout|/me/password|/me/email"


def call(base, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method="POST" if data else "GET")
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", f"Bearer {token}")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def login(base, email):
    return call(base, "/api/v1/auth/login", body={"email": email, "password": PASSWORD})["token"]


def ids(base, admin):
    """Real identifiers of the demo AMAP, by path parameter name."""
    amap = f"/api/v1/amaps/{SLUG}"
    templates = call(base, f"{amap}/templates", admin)
    template = next(t for t in templates if t["producer"]["name"] == "Ferme du Petit Pré")
    view = call(base, f"{amap}/templates/{template['id']}", admin)
    register = call(base, f"{amap}/templates/{template['id']}/cheques", admin)
    cheques = [c["id"] for r in register["rows"] for c in r["cheques"]]
    rota = call(base, f"{amap}/duty-periods", admin)[0]
    grid = call(base, f"{amap}/duty-periods/{rota['id']}", admin)
    members = call(base, f"{amap}/members", admin)
    marie = next(m for m in members if m["email"] == "marie.dubois@example.org")
    feed = call(base, f"{amap}/me/calendar", admin)["member"]
    return {
        "slug": SLUG,
        "template_id": template["id"],
        "producer_id": template["producer"]["id"],
        "product_id": view["products"][0]["id"],
        "date": view["dates"][0],
        "day": grid["dates"][0]["day"],
        "cheque_id": cheques[0],
        "member_id": marie["id"],
        "period_id": rota["id"],
        "date_id": grid["dates"][0]["id"],
        "place_id": grid["dates"][0]["places"][0]["id"],
        "role_id": grid["roles"][0]["id"],
        "token": feed.split("/calendar/")[1].split("/")[0],
    }


def run(base, schemathesis, persona, token, parameters):
    config = "[parameters]\n" + "".join(f'"{k}" = {json.dumps(v)}\n' for k, v in parameters.items())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schemathesis.toml"
        path.write_text(config)
        print(f"\n==> Schemathesis as {persona}", flush=True)
        hooks = dict(os.environ, SCHEMATHESIS_HOOKS="fuzz_hooks", PYTHONPATH=str(Path(__file__).parent))
        done = subprocess.run(
            [
                schemathesis, "--config-file", str(path), "run", f"{base}/api/v1/openapi.json",
                "-H", f"Authorization: Bearer {token}",
                "--checks", CHECKS,
                "--phases", "examples,coverage,fuzzing",
                "--max-examples", str(EXAMPLES),
                "--max-time", str(SECONDS),
                # One worker: with two, Schemathesis's threads compile Python code at the same
                # time, and Debian's Python 3.11 then fails at random with "SystemError: AST
                # constructor recursion depth mismatch" (CPython gh-106905), a crash of the fuzzer,
                # not a finding.
                "--workers", "1",
                "--exclude-path-regex", EXCLUDED,
                "--seed", "20261207",
                "--no-color",
            ],
            env=hooks,
        )
        return done.returncode == 0


def main():
    base, schemathesis = sys.argv[1], sys.argv[2]
    admin = login(base, "admin@example.org")
    parameters = ids(base, admin)
    member = login(base, "julien.morel@example.org")
    ok = run(base, schemathesis, "a member", member, parameters)
    ok = run(base, schemathesis, "an admin", admin, parameters) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
