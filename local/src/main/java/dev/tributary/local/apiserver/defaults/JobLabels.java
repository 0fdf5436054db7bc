package dev.tributary.local.apiserver.defaults;

import java.util.List;

/** The labels by which a Job finds its pods (batch/v1's well-known label keys). */
public final class JobLabels {

  /** The label the generated selector matches. */
  public static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";

  /** The pre-1.27 spelling of {@link #CONTROLLER_UID}, still added to templates. */
  public static final String LEGACY_CONTROLLER_UID = "controller-uid";

  public static final String JOB_NAME = "batch.kubernetes.io/job-name";

  /** The pre-1.27 spelling of {@link #JOB_NAME}, still added to templates. */
  public static final String LEGACY_JOB_NAME = "job-name";

  static final List<String> NAME_KEYS = List.of(LEGACY_JOB_NAME, JOB_NAME);
  static final List<String> UID_KEYS = List.of(LEGACY_CONTROLLER_UID, CONTROLLER_UID);

  private JobLabels() {}
}
