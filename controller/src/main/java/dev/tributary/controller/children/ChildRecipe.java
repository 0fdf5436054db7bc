package dev.tributary.controller.children;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/**
 * How to bring one child in line: the desired object (built by a pure builder), when a live one is
 * good enough, and how to fold the desired state into a live one for the update.
 *
 * @param desired the child as it should be, with apiVersion, kind, namespace, name and the
 *     controller reference to its owner; never changed
 * @param type the child's class, to read it from the generic cache
 * @param upToDate {@code (live, desired)}: true when no update is needed
 * @param merge {@code (live, desired)}: the object to write, a changed copy of {@code live} (so it
 *     keeps live's resourceVersion and fields other writers own); may change and return {@code
 *     live}, which is already a copy
 * @param messages the Events and errors, in upstream's words
 */
public record ChildRecipe<C extends HasMetadata>(
    C desired,
    Class<C> type,
    BiPredicate<C, C> upToDate,
    BinaryOperator<C> merge,
    ChildMessages messages) {}
