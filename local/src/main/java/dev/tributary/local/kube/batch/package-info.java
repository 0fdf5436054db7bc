/**
 * kube-controller-manager's batch controllers for the local cluster: the Job controller (Job →
 * Pods) and the CronJob controller (CronJob → Jobs). They talk to the API server only through
 * fabric8, on the controller module's framework; their decisions are pure functions ({@link
 * dev.tributary.local.kube.batch.JobSync}, {@link dev.tributary.local.kube.batch.CronJobSync}) over
 * what the informers hold.
 */
package dev.tributary.local.kube.batch;
