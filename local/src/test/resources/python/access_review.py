"""AuthorizationV1Api: a SelfSubjectAccessReview of the admin is allowed; a SubjectAccessReview
of a ServiceAccount without bindings is not."""

from kubernetes import client

from kube_it import NAMESPACE, api_client, ok

authz = client.AuthorizationV1Api(api_client())

review = authz.create_self_subject_access_review(
    client.V1SelfSubjectAccessReview(
        spec=client.V1SelfSubjectAccessReviewSpec(
            resource_attributes=client.V1ResourceAttributes(
                namespace=NAMESPACE, verb="list", resource="events"
            )
        )
    )
)
assert isinstance(review, client.V1SelfSubjectAccessReview), type(review)
assert review.status.allowed is True, review.status
assert review.spec.resource_attributes.resource == "events", review.spec

review = authz.create_subject_access_review(
    client.V1SubjectAccessReview(
        spec=client.V1SubjectAccessReviewSpec(
            user="system:serviceaccount:default:nobody-py",
            groups=["system:serviceaccounts", "system:serviceaccounts:default"],
            resource_attributes=client.V1ResourceAttributes(
                namespace=NAMESPACE, verb="delete", resource="configmaps"
            ),
        )
    )
)
assert review.status.allowed is False, review.status
ok()
