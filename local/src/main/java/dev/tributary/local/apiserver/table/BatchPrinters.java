package dev.tributary.local.apiserver.table;

import static dev.tributary.local.apiserver.table.SimplePrinter.age;
import static dev.tributary.local.apiserver.table.SimplePrinter.name;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** batch/v1 Jobs and CronJobs (and batch/v1beta1 CronJobs) as kube-apiserver 1.32 prints them. */
final class BatchPrinters {

  private BatchPrinters() {}

  /**
   * {@code NAME STATUS COMPLETIONS DURATION AGE}, wide {@code CONTAINERS IMAGES SELECTOR}. STATUS
   * is {@code Complete}, {@code Failed}, {@code Terminating}, {@code Suspended}, {@code
   * FailureTarget} or {@code Running}, in that precedence.
   */
  static RowPrinter job() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Status", "string", "The job's status."),
            ColumnDefinition.of("Completions", "string", "Succeeded pods out of completions."),
            ColumnDefinition.of("Duration", "string", "How long the job ran or has been running."),
            ColumnDefinition.ageColumn(),
            WorkloadPrinters.CONTAINERS,
            WorkloadPrinters.IMAGES,
            WorkloadPrinters.SELECTOR),
        (job, now) -> {
          List<JsonNode> containers = WorkloadPrinters.templateContainers(job);
          return Cells.of(
              name(job),
              jobStatus(job),
              completions(job),
              duration(job, now),
              age(job, now),
              WorkloadPrinters.containerNames(containers),
              WorkloadPrinters.containerImages(containers),
              Selectors.formatLabelSelector(Fields.at(job, "spec", "selector")));
        });
  }

  /**
   * {@code NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE}, wide {@code CONTAINERS IMAGES
   * SELECTOR} (of the job template).
   */
  static RowPrinter cronJob() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Schedule", "string", "The cron schedule."),
            ColumnDefinition.of("Timezone", "string", "The time zone of the schedule."),
            ColumnDefinition.of("Suspend", "boolean", "Whether new runs are suspended."),
            ColumnDefinition.of("Active", "integer", "Jobs running now."),
            ColumnDefinition.of("Last Schedule", "string", "How long ago a job was last started."),
            ColumnDefinition.ageColumn(),
            WorkloadPrinters.CONTAINERS,
            WorkloadPrinters.IMAGES,
            WorkloadPrinters.SELECTOR),
        (cronJob, now) -> {
          JsonNode jobSpec = Fields.at(cronJob, "spec", "jobTemplate", "spec");
          List<JsonNode> containers = Fields.list(jobSpec, "template", "spec", "containers");
          JsonNode suspend = Fields.at(cronJob, "spec", "suspend");
          JsonNode timeZone = Fields.at(cronJob, "spec", "timeZone");
          Optional<Instant> lastSchedule =
              Timestamps.parse(Fields.at(cronJob, "status", "lastScheduleTime"));
          return Cells.of(
              name(cronJob),
              Fields.text(cronJob, "spec", "schedule"),
              timeZone.isTextual() ? timeZone.textValue() : "<none>",
              suspend.isBoolean() ? (suspend.booleanValue() ? "True" : "False") : "<unset>",
              Fields.size(cronJob, "status", "active"),
              lastSchedule.map(t -> HumanDuration.human(Duration.between(t, now))).orElse("<none>"),
              age(cronJob, now),
              WorkloadPrinters.containerNames(containers),
              WorkloadPrinters.containerImages(containers),
              Selectors.formatLabelSelector(Fields.at(jobSpec, "selector")));
        });
  }

  private static String jobStatus(JsonNode job) {
    List<JsonNode> conditions = Fields.list(job, "status", "conditions");
    if (hasCondition(conditions, "Complete")) {
      return "Complete";
    } else if (hasCondition(conditions, "Failed")) {
      return "Failed";
    } else if (Fields.present(job, "metadata", "deletionTimestamp")) {
      return "Terminating";
    } else if (hasCondition(conditions, "Suspended")) {
      return "Suspended";
    } else if (hasCondition(conditions, "FailureTarget")) {
      return "FailureTarget";
    }
    return "Running";
  }

  /** Whether the first condition of this type is true. */
  private static boolean hasCondition(List<JsonNode> conditions, String type) {
    for (JsonNode condition : conditions) {
      if (Fields.text(condition, "type").equals(type)) {
        return Fields.text(condition, "status").equals("True");
      }
    }
    return false;
  }

  private static String completions(JsonNode job) {
    long succeeded = Fields.integer(job, "status", "succeeded");
    Long completions = Fields.optionalInteger(job, "spec", "completions");
    if (completions != null) {
      return succeeded + "/" + completions;
    }
    long parallelism = Fields.integer(job, "spec", "parallelism");
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  private static String duration(JsonNode job, Instant now) {
    Optional<Instant> start = Timestamps.parse(Fields.at(job, "status", "startTime"));
    if (start.isEmpty()) {
      return "";
    }
    Instant end = Timestamps.parse(Fields.at(job, "status", "completionTime")).orElse(now);
    return HumanDuration.human(Duration.between(start.get(), end));
  }
}
