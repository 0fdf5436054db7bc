/**
 * CloudEvents Subscriptions API filters ({@code exact}, {@code prefix}, {@code suffix}, {@code
 * all}, {@code any}, {@code not}, {@code cesql}) as Knative Eventing's {@code
 * eventingv1.SubscriptionsAPIFilter}, and their validation; used by ApiServerSource {@code
 * spec.filters}.
 */
package dev.tributary.api.filter;
