"""AppsV1Api: a typed Deployment created and read back; the typed models deserialize what the
server returns (required fields present, datetimes parsed, defaults filled in)."""

import datetime

from kubernetes import client

from kube_it import NAMESPACE, api_client, ok

apps = client.AppsV1Api(api_client())

labels = {"app": "py-deploy"}
deployment = client.V1Deployment(
    metadata=client.V1ObjectMeta(name="py-deploy", labels=labels),
    spec=client.V1DeploymentSpec(
        replicas=2,
        selector=client.V1LabelSelector(match_labels=labels),
        template=client.V1PodTemplateSpec(
            metadata=client.V1ObjectMeta(labels=labels),
            spec=client.V1PodSpec(
                containers=[
                    client.V1Container(
                        name="app",
                        image="example.com/app:1",
                        ports=[client.V1ContainerPort(container_port=8080)],
                        env=[client.V1EnvVar(name="K", value="v")],
                    )
                ]
            ),
        ),
    ),
)
created = apps.create_namespaced_deployment(NAMESPACE, deployment)
assert isinstance(created, client.V1Deployment), type(created)
assert created.metadata.generation == 1, created.metadata
assert isinstance(created.metadata.creation_timestamp, datetime.datetime), created.metadata

read = apps.read_namespaced_deployment("py-deploy", NAMESPACE)
assert read.metadata.uid == created.metadata.uid, read.metadata
assert read.spec.replicas == 2, read.spec
assert read.spec.selector.match_labels == labels, read.spec
container = read.spec.template.spec.containers[0]
assert container.name == "app" and container.image == "example.com/app:1", container
assert container.ports[0].container_port == 8080, container
assert container.env[0].name == "K" and container.env[0].value == "v", container
assert isinstance(read.metadata.creation_timestamp, datetime.datetime), read.metadata
age = datetime.datetime.now(datetime.timezone.utc) - read.metadata.creation_timestamp
assert datetime.timedelta(minutes=-5) < age < datetime.timedelta(minutes=5), age

listed = apps.list_namespaced_deployment(NAMESPACE, label_selector="app=py-deploy")
assert [d.metadata.name for d in listed.items] == ["py-deploy"], listed

scaled = apps.patch_namespaced_deployment("py-deploy", NAMESPACE, {"spec": {"replicas": 3}})
assert scaled.spec.replicas == 3, scaled.spec
assert scaled.metadata.generation == 2, scaled.metadata
# the strategic merge patch kept the container list (merged by name, not replaced)
assert [c.name for c in scaled.spec.template.spec.containers] == ["app"], scaled.spec

apps.delete_namespaced_deployment("py-deploy", NAMESPACE)
ok()
