"""The four Knative source CRDs (files named on the command line) created with
utils.create_from_yaml and read back typed; then CustomObjectsApi on PingSource: create v1, get v1,
get the same object as v1beta1 (converted), list, merge patch, delete."""

import sys

from kubernetes import client, utils

from kube_it import NAMESPACE, api_client, expect_api_error, ok

api = api_client()
extensions = client.ApiextensionsV1Api(api)
for path in sys.argv[1:]:
    [[crd]] = utils.create_from_yaml(api, path)
    assert isinstance(crd, client.V1CustomResourceDefinition), type(crd)
    read = extensions.read_custom_resource_definition(crd.metadata.name)
    assert read.spec.group == "sources.knative.dev", read.spec
    assert "sources" in read.spec.names.categories, read.spec.names
    conditions = {c.type: c.status for c in read.status.conditions or []}
    assert conditions.get("Established") == "True", read.status
names = sorted(c.metadata.name for c in extensions.list_custom_resource_definition().items)
assert "pingsources.sources.knative.dev" in names, names

custom = client.CustomObjectsApi(api)
GROUP = "sources.knative.dev"

created = custom.create_namespaced_custom_object(
    GROUP,
    "v1",
    NAMESPACE,
    "pingsources",
    {
        "apiVersion": "sources.knative.dev/v1",
        "kind": "PingSource",
        "metadata": {"name": "py-ping"},
        "spec": {
            "schedule": "*/1 * * * *",
            "contentType": "application/json",
            "data": '{"message": "hello from python"}',
            "sink": {"ref": {"apiVersion": "v1", "kind": "Service", "name": "event-display"}},
        },
    },
)
assert created["apiVersion"] == "sources.knative.dev/v1", created
assert created["metadata"]["uid"], created

v1 = custom.get_namespaced_custom_object(GROUP, "v1", NAMESPACE, "pingsources", "py-ping")
assert v1["kind"] == "PingSource", v1
assert v1["spec"]["data"] == '{"message": "hello from python"}', v1
assert v1["spec"]["contentType"] == "application/json", v1

v1beta1 = custom.get_namespaced_custom_object(GROUP, "v1beta1", NAMESPACE, "pingsources", "py-ping")
assert v1beta1["apiVersion"] == "sources.knative.dev/v1beta1", v1beta1
assert v1beta1["spec"]["jsonData"] == '{"message": "hello from python"}', v1beta1
assert "data" not in v1beta1["spec"], v1beta1
assert v1beta1["metadata"]["uid"] == v1["metadata"]["uid"], v1beta1

listed = custom.list_namespaced_custom_object(GROUP, "v1beta1", NAMESPACE, "pingsources")
assert [o["metadata"]["name"] for o in listed["items"]] == ["py-ping"], listed
assert listed["items"][0]["apiVersion"] == "sources.knative.dev/v1beta1", listed

# CustomObjectsApi.patch_* sends a JSON merge patch
patched = custom.patch_namespaced_custom_object(
    GROUP, "v1", NAMESPACE, "pingsources", "py-ping", {"spec": {"schedule": "*/2 * * * *"}}
)
assert patched["spec"]["schedule"] == "*/2 * * * *", patched
assert patched["spec"]["data"] == '{"message": "hello from python"}', patched
assert patched["metadata"]["generation"] == 2, patched

custom.delete_namespaced_custom_object(GROUP, "v1", NAMESPACE, "pingsources", "py-ping")
expect_api_error(
    404,
    "NotFound",
    custom.get_namespaced_custom_object,
    GROUP,
    "v1",
    NAMESPACE,
    "pingsources",
    "py-ping",
)
ok()
