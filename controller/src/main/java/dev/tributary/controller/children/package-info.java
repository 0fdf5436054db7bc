/**
 * The one create-or-update shape for the objects a source owns (its adapter Deployment, its
 * SinkBinding): read the informer cache, create if missing, refuse if another controller owns it,
 * update if the desired state is not a semantic subset of the live one, and record an Event.
 */
package dev.tributary.controller.children;
