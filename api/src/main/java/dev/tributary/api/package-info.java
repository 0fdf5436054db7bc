/** Knative sources API types. */
package dev.tributary.api;
