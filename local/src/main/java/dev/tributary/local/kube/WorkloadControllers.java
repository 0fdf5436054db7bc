package dev.tributary.local.kube;

import dev.tributary.local.kube.apps.DeploymentController;
import dev.tributary.local.kube.apps.ReplicaSetController;
import dev.tributary.local.kube.batch.CronJobController;
import dev.tributary.local.kube.batch.JobController;
import dev.tributary.local.kube.endpoints.EndpointsController;
import dev.tributary.local.kube.serviceaccount.ServiceAccountController;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workload controllers kube-controller-manager would run, for the local cluster: each talks to
 * the API server only through the given fabric8 client, watches every namespace and runs until
 * {@link #close}. The client stays the caller's.
 */
public final class WorkloadControllers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadControllers.class);

  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  private WorkloadControllers() {}

  /**
   * Starts every controller and waits until each has synced its caches.
   *
   * @throws TimeoutException when a cache has not synced within {@code syncTimeout}; whatever
   *     started is closed again
   */
  public static WorkloadControllers start(
      KubernetesClient client, Clock clock, Duration syncTimeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    WorkloadControllers controllers = new WorkloadControllers();
    try {
      DeploymentController deployments = controllers.own(new DeploymentController(client, clock));
      ReplicaSetController replicaSets = controllers.own(new ReplicaSetController(client, clock));
      JobController jobs = controllers.own(new JobController(client, clock));
      CronJobController cronJobs = controllers.own(new CronJobController(client, clock));
      ServiceAccountController serviceAccounts =
          controllers.own(new ServiceAccountController(client));
      EndpointsController endpoints = controllers.own(new EndpointsController(client));
      CompletableFuture.allOf(
              deployments.start(),
              replicaSets.start(),
              jobs.start(),
              cronJobs.start(),
              serviceAccounts.start(),
              endpoints.start())
          .get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return controllers;
    } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
      controllers.close();
      throw e;
    }
  }

  private <C extends AutoCloseable> C own(C controller) {
    running.push(controller);
    return controller;
  }

  /** Stops every controller, the last started first. */
  @Override
  public void close() {
    while (!running.isEmpty()) {
      AutoCloseable controller = running.pop();
      try {
        controller.close();
      } catch (Exception e) {
        LOG.warn("closing workload controller {} failed", controller.getClass().getSimpleName(), e);
      }
    }
  }
}
