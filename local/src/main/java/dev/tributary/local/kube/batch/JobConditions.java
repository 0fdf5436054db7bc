package dev.tributary.local.kube.batch;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.util.Optional;
import java.util.stream.Stream;

/** batch/v1 Job condition types, reasons and messages, as Kubernetes 1.32's Job controller. */
public final class JobConditions {

  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";

  /** Set before {@link #COMPLETE} while Kubernetes waits for pods to terminate (1.31+). */
  public static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";

  /** Set before {@link #FAILED} while Kubernetes waits for pods to terminate (1.31+). */
  public static final String FAILURE_TARGET = "FailureTarget";

  public static final String COMPLETIONS_REACHED = "CompletionsReached";
  public static final String COMPLETIONS_REACHED_MESSAGE =
      "Reached expected number of succeeded pods";
  public static final String BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
  public static final String BACKOFF_LIMIT_EXCEEDED_MESSAGE =
      "Job has reached the specified backoff limit";
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
  public static final String DEADLINE_EXCEEDED_MESSAGE =
      "Job was active longer than specified deadline";

  private JobConditions() {}

  /** Whether {@code job} has condition {@code type} with status True. */
  public static boolean isTrue(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return false;
    }
    return job.getStatus().getConditions().stream()
        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The finishing condition ({@link #COMPLETE} or {@link #FAILED}) that is True, if any. */
  public static Optional<String> finishedType(Job job) {
    return Stream.of(COMPLETE, FAILED).filter(type -> isTrue(job, type)).findFirst();
  }

  static JobCondition condition(String type, String reason, String message, String now) {
    return new JobConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .withLastProbeTime(now)
        .withLastTransitionTime(now)
        .build();
  }
}
