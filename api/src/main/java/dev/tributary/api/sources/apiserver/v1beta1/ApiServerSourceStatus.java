package dev.tributary.api.sources.apiserver.v1beta1;

import dev.tributary.api.duck.SourceStatus;

/**
 * The observed state of a v1beta1 ApiServerSource: the shared source status only (v1's {@code
 * namespaces} did not exist yet).
 */
public class ApiServerSourceStatus extends SourceStatus {}
