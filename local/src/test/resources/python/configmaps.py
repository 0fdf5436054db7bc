"""CoreV1Api on ConfigMaps: create, read, list with label selectors, strategic/merge/JSON patch,
replace, delete; 404 NotFound, 409 AlreadyExists and 409 Conflict as ApiException."""

import datetime

from kubernetes import client

from kube_it import NAMESPACE, api_client, expect_api_error, ok

api_client = api_client()
core = client.CoreV1Api(api_client)

created = core.create_namespaced_config_map(
    NAMESPACE,
    client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="py-cm", labels={"app": "py", "tier": "a"}),
        data={"a": "1"},
    ),
)
assert created.metadata.uid, created
assert created.metadata.resource_version, created
assert isinstance(created.metadata.creation_timestamp, datetime.datetime), created
assert created.metadata.creation_timestamp.tzinfo is not None, created
core.create_namespaced_config_map(
    NAMESPACE,
    client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-cm-other", labels={"app": "other"})),
)

read = core.read_namespaced_config_map("py-cm", NAMESPACE)
assert read.data == {"a": "1"}, read
assert read.metadata.uid == created.metadata.uid, read

listed = core.list_namespaced_config_map(NAMESPACE, label_selector="app=py")
assert [c.metadata.name for c in listed.items] == ["py-cm"], listed
assert listed.metadata.resource_version, listed.metadata
listed = core.list_namespaced_config_map(NAMESPACE, label_selector="app in (py,other)")
assert sorted(c.metadata.name for c in listed.items) == ["py-cm", "py-cm-other"], listed
listed = core.list_namespaced_config_map(NAMESPACE, label_selector="app,app!=py")
assert [c.metadata.name for c in listed.items] == ["py-cm-other"], listed
listed = core.list_config_map_for_all_namespaces(label_selector="tier=a")
assert [(c.metadata.namespace, c.metadata.name) for c in listed.items] == [
    (NAMESPACE, "py-cm")
], listed

# a dict body goes as a strategic merge patch
patched = core.patch_namespaced_config_map(
    "py-cm", NAMESPACE, {"metadata": {"labels": {"tier": None}}, "data": {"b": "2"}}
)
assert patched.data == {"a": "1", "b": "2"}, patched
assert patched.metadata.labels == {"app": "py"}, patched
assert int(patched.metadata.resource_version) > int(created.metadata.resource_version), patched

# a list body goes as a JSON patch
patched = core.patch_namespaced_config_map(
    "py-cm", NAMESPACE, [{"op": "replace", "path": "/data/a", "value": "one"}]
)
assert patched.data == {"a": "one", "b": "2"}, patched

# the typed API cannot choose merge patch: send it through the ApiClient as users do
merged = api_client.call_api(
    "/api/v1/namespaces/{namespace}/configmaps/{name}",
    "PATCH",
    path_params={"namespace": NAMESPACE, "name": "py-cm"},
    header_params={
        "Content-Type": "application/merge-patch+json",
        "Accept": "application/json",
    },
    body={"data": {"b": None, "c": "3"}},
    response_type="V1ConfigMap",
    auth_settings=["BearerToken"],
    _return_http_data_only=True,
)
assert merged.data == {"a": "one", "c": "3"}, merged

# replace with the current resourceVersion succeeds; with a stale one it is a 409 Conflict
current = core.read_namespaced_config_map("py-cm", NAMESPACE)
current.data = {"replaced": "yes"}
replaced = core.replace_namespaced_config_map("py-cm", NAMESPACE, current)
assert replaced.data == {"replaced": "yes"}, replaced
assert replaced.metadata.resource_version != current.metadata.resource_version, replaced
stale = client.V1ConfigMap(
    metadata=client.V1ObjectMeta(
        name="py-cm", resource_version=created.metadata.resource_version
    ),
    data={"stale": "yes"},
)
conflict = expect_api_error(
    409, "Conflict", core.replace_namespaced_config_map, "py-cm", NAMESPACE, stale
)
assert "the object has been modified" in conflict["message"], conflict

exists = expect_api_error(
    409,
    "AlreadyExists",
    core.create_namespaced_config_map,
    NAMESPACE,
    client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-cm")),
)
assert exists["message"] == 'configmaps "py-cm" already exists', exists
assert exists["details"]["name"] == "py-cm" and exists["details"]["kind"] == "configmaps", exists

status = core.delete_namespaced_config_map("py-cm", NAMESPACE)
assert status is not None
core.delete_namespaced_config_map("py-cm-other", NAMESPACE)
missing = expect_api_error(404, "NotFound", core.read_namespaced_config_map, "py-cm", NAMESPACE)
assert missing["message"] == 'configmaps "py-cm" not found', missing
expect_api_error(404, "NotFound", core.delete_namespaced_config_map, "py-cm", NAMESPACE)
assert core.list_namespaced_config_map(NAMESPACE, label_selector="app=py").items == []

ok()
