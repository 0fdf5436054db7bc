"""watch.Watch().stream over list_namespaced_config_map (the client sends watch=True): ADDED for
what exists, then ADDED/MODIFIED/DELETED for changes made while it is open; a second watch
resumed from a resourceVersion replays what came after it; timeout_seconds ends the stream."""

from kubernetes import client, watch

from kube_it import NAMESPACE, api_client, ok

core = client.CoreV1Api(api_client())
LABEL = "watched=py"


def config_map(name, data):
    return client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name=name, labels={"watched": "py"}), data=data
    )


core.create_namespaced_config_map(NAMESPACE, config_map("py-w1", {"v": "1"}))
# not selected: must not show up
core.create_namespaced_config_map(
    NAMESPACE, client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-unwatched"))
)

events = []
w = watch.Watch()
for event in w.stream(
    core.list_namespaced_config_map, NAMESPACE, label_selector=LABEL, timeout_seconds=30
):
    obj = event["object"]
    assert isinstance(obj, client.V1ConfigMap), event
    events.append((event["type"], obj.metadata.name, obj.metadata.resource_version, obj.data))
    if len(events) == 1:
        # the watch is open: change things now
        core.create_namespaced_config_map(NAMESPACE, config_map("py-w2", {"v": "1"}))
        core.patch_namespaced_config_map("py-w1", NAMESPACE, {"data": {"v": "2"}})
        core.delete_namespaced_config_map("py-w1", NAMESPACE)
        core.patch_namespaced_config_map("py-unwatched", NAMESPACE, {"data": {"x": "y"}})
    if len(events) == 4:
        w.stop()

summary = [(t, n, d) for t, n, _, d in events]
assert summary == [
    ("ADDED", "py-w1", {"v": "1"}),
    ("ADDED", "py-w2", {"v": "1"}),
    ("MODIFIED", "py-w1", {"v": "2"}),
    ("DELETED", "py-w1", {"v": "2"}),
], summary
versions = [int(rv) for _, _, rv, _ in events[1:]]
assert versions == sorted(versions) and len(set(versions)) == 3, versions

# resume after the second event: the client passes resource_version, the server replays the rest
resumed = []
w = watch.Watch()
for event in w.stream(
    core.list_namespaced_config_map,
    NAMESPACE,
    label_selector=LABEL,
    resource_version=events[1][2],
    timeout_seconds=30,
):
    resumed.append((event["type"], event["object"].metadata.name))
    if len(resumed) == 2:
        w.stop()
assert resumed == [("MODIFIED", "py-w1"), ("DELETED", "py-w1")], resumed
# the client remembers the last resourceVersion it saw
assert w.resource_version == events[3][2], (w.resource_version, events[3][2])

# timeout_seconds: the server ends the stream and the client's loop ends with it (no events)
quiet = list(
    watch.Watch().stream(
        core.list_namespaced_config_map,
        NAMESPACE,
        label_selector="watched=nothing",
        timeout_seconds=1,
    )
)
assert quiet == [], quiet

core.delete_namespaced_config_map("py-w2", NAMESPACE)
core.delete_namespaced_config_map("py-unwatched", NAMESPACE)
ok()
