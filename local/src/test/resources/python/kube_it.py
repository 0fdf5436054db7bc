"""Helpers shared by the Python client integration tests (run by PythonClientIT).

Each test script loads the kubeconfig named by KUBECONFIG (a fresh HOME is set by the harness),
asserts what the client sees, and prints "OK <script>" last; any failed assert or exception
exits non-zero with a traceback that the Java side shows.
"""

import json
import os
import sys

from kubernetes import client, config

NAMESPACE = "default"


def api_client():
    config.load_kube_config(config_file=os.environ["KUBECONFIG"])
    return client.ApiClient()


def expect_api_error(status, reason, call, *args, **kwargs):
    """Calls call(*args, **kwargs), which must raise ApiException with the given HTTP status
    and a Status body with the given reason; returns the Status body as a dict."""
    try:
        result = call(*args, **kwargs)
    except client.ApiException as e:
        assert e.status == status, f"expected HTTP {status}, got {e.status}: {e.body}"
        body = json.loads(e.body)
        assert body.get("kind") == "Status", body
        assert body.get("code") == status, body
        assert body.get("reason") == reason, f"expected reason {reason}: {body}"
        return body
    raise AssertionError(f"expected ApiException {status} {reason}, got {result!r}")


def ok():
    print("OK " + os.path.basename(sys.argv[0]), flush=True)
