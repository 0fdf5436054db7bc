"""kubernetes.utils.create_from_yaml with the walkthrough's event-display.yaml (a Deployment and
a Service), then the objects read back through the typed APIs."""

import sys

from kubernetes import client, utils

from kube_it import NAMESPACE, api_client, expect_api_error, ok

api = api_client()
created = utils.create_from_yaml(api, sys.argv[1], namespace=NAMESPACE)
kinds = sorted(type(o).__name__ for group in created for o in group)
assert kinds == ["V1Deployment", "V1Service"], kinds

deployment = client.AppsV1Api(api).read_namespaced_deployment("event-display", NAMESPACE)
assert deployment.spec.selector.match_labels == {"app": "event-display"}, deployment.spec
assert deployment.spec.template.metadata.labels == {"app": "event-display"}, deployment.spec
service = client.CoreV1Api(api).read_namespaced_service("event-display", NAMESPACE)
assert service.spec.selector == {"app": "event-display"}, service.spec
assert service.spec.ports[0].port == 80 and service.spec.ports[0].target_port == 8080, service.spec

# a second time: the client surfaces the server's AlreadyExists
try:
    utils.create_from_yaml(api, sys.argv[1], namespace=NAMESPACE)
    raise AssertionError("expected FailToCreateError")
except utils.FailToCreateError as e:
    statuses = sorted(f.status for f in e.api_exceptions)
    assert statuses == [409, 409], statuses

client.AppsV1Api(api).delete_namespaced_deployment("event-display", NAMESPACE)
client.CoreV1Api(api).delete_namespaced_service("event-display", NAMESPACE)
expect_api_error(
    404, "NotFound", client.CoreV1Api(api).read_namespaced_service, "event-display", NAMESPACE
)
ok()
