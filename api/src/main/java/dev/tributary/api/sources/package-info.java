/**
 * The {@code sources.knative.dev} kinds, one package per kind, and what they share. Each kind's
 * package holds its storage version (v1); older served versions live in subpackages with their
 * conversions.
 */
package dev.tributary.api.sources;
