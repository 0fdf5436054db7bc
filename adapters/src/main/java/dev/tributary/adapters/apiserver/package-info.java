/**
 * The ApiServerSource receive adapter ({@link
 * dev.tributary.adapters.apiserver.ReceiveAdapterProgram}): upstream's {@code
 * cmd/apiserver_receive_adapter} with its env contract ({@code K_SINK}, {@code K_SOURCE_CONFIG},
 * {@code NAMESPACE}, {@code NAME}, {@code K_CE_OVERRIDES}, {@code K_CA_CERTS}), its events ({@code
 * dev.knative.apiserver.{ref|resource}.{add|update|delete}}, see {@link
 * dev.tributary.adapters.apiserver.ApiServerEventFactory}), its owner filter and {@code
 * spec.filters} (always on, no feature flag).
 *
 * <h2>Beyond upstream</h2>
 *
 * <ul>
 *   <li><b>Delivery never blocks a watch.</b> Changes go through one bounded, ordered queue per
 *       adapter ({@link dev.tributary.adapters.apiserver.DeliveryQueue}); when it is full the
 *       watches are closed and later resumed from the last resourceVersion they enqueued, so the
 *       API server holds the backlog and nothing is dropped.
 *   <li><b>Checkpoints.</b> After each delivered change, the adapter records per watch the
 *       resourceVersion to resume from and the resourceVersion of every object it last delivered,
 *       and writes them (at most once a second, and when stopping) to the ConfigMap {@code
 *       <NAME>-apiserversource-checkpoint} in its namespace ({@link
 *       dev.tributary.adapters.apiserver.CheckpointStore}). A restarted adapter resumes each watch
 *       from there, so changes made while it was down are delivered. Delivery is at least once: a
 *       change delivered after the last checkpoint write is delivered again after a crash (with a
 *       new id, as ids are random as upstream's).
 *   <li><b>RBAC.</b> The ServiceAccount the adapter runs as needs, besides {@code get, list, watch}
 *       on the watched resources, {@code get, create, update} on {@code configmaps} in the source's
 *       namespace (core group). Without them it logs a warning naming the ConfigMap and the verbs
 *       and runs without checkpoints, as upstream does.
 *   <li><b>410 Gone.</b> When the resourceVersion to resume from is too old, the watch re-lists and
 *       emits the difference against what it last enqueued (see {@link
 *       dev.tributary.adapters.apiserver.ResourceWatcher}): adds, updates carrying the latest
 *       state, deletes. It cannot recover intermediate states (updates collapse into one), objects
 *       created and deleted within the gap, or a delete and re-create under the same name (seen as
 *       one update).
 * </ul>
 */
package dev.tributary.adapters.apiserver;
