/** Object metadata helpers from knative.dev/pkg's {@code kmeta}: child naming. */
package dev.tributary.api.kmeta;
