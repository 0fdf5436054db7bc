package dev.tributary.controller.children;

/**
 * What a kind tells the user about one child, in upstream's words: the Normal Events recorded on
 * the owner when the child is created or updated, and the error when a same-named object belongs to
 * someone else.
 *
 * @param createdReason e.g. {@code ApiServerSourceDeploymentCreated}
 * @param createdMessage e.g. {@code Deployment created}
 * @param updatedReason e.g. {@code ApiServerSourceDeploymentUpdated}
 * @param updatedMessage e.g. {@code Deployment "x" updated}
 * @param notOwnedMessage e.g. {@code deployment "x" is not owned by ApiServerSource "s"}
 */
public record ChildMessages(
    String createdReason,
    String createdMessage,
    String updatedReason,
    String updatedMessage,
    String notOwnedMessage) {}
