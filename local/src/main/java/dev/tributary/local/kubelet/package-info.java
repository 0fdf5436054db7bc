/**
 * The local kubelet: runs the pods of the local cluster's one node ({@code tributary}).
 *
 * <p>{@link dev.tributary.local.kubelet.Kubelet} watches Pods through fabric8 and hands each pod
 * that is unscheduled or bound to its node to a {@code PodWorker}, which:
 *
 * <ul>
 *   <li>binds it ({@code spec.nodeName}; the local API server has no {@code pods/binding}, so it is
 *       a patch) with the scheduler's {@code Scheduled} Event, and adds the finalizer {@code
 *       tributary.dev/kubelet} so that a deletion waits until the containers have stopped;
 *   <li>gives it its own loopback address (127.x.y.z outside 127.0.0.0/16 and the Service range
 *       127.96.0.0/16) as {@code status.podIP}; {@code status.hostIP} is 127.0.0.1;
 *   <li>writes its ServiceAccount credentials under {@code <data-dir>/kubelet/pods/<uid>/} (a token
 *       minted by the API server's token store, and a kubeconfig given to every container as {@code
 *       KUBECONFIG}), so programs act as {@code system:serviceaccount:NS:NAME} and RBAC applies;
 *   <li>runs init containers one by one, then the containers: our release images and Knative's
 *       samples in this JVM, images mapped in {@code <data-dir>/images.yaml} as host commands
 *       ({@link dev.tributary.local.kubelet.image.ImageMappings} documents the file), other images
 *       with a {@code command} as host processes (unless host exec is off), and anything else fails
 *       with {@code ErrImagePull}/{@code ImagePullBackOff};
 *   <li>restarts containers by the restart policy with the crash-loop back-off (10s doubling, up to
 *       5 minutes), probes readiness, and keeps phase, conditions and container statuses current,
 *       with the Events a kubelet records;
 *   <li>on deletion stops the containers with {@code terminationGracePeriodSeconds} (Killing
 *       Events) and then removes its finalizer, completing the deletion.
 * </ul>
 */
package dev.tributary.local.kubelet;
