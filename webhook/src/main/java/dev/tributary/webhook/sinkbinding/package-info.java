/**
 * SinkBinding admission (spec §6.4): {@link
 * dev.tributary.webhook.sinkbinding.SinkBindingSubjectAdmission} injects a binding's sink into the
 * subjects it selects as they are created or updated, from a {@link
 * dev.tributary.webhook.sinkbinding.SinkBindingIndex} of SinkBindings; {@link
 * dev.tributary.webhook.sinkbinding.SinkBindingWebhookConfiguration} builds the
 * MutatingWebhookConfiguration that routes subjects to it.
 */
package dev.tributary.webhook.sinkbinding;
