/**
 * The SinkBinding controller (spec §6): resolves each binding's sink, patches its subjects' pod
 * templates with {@code K_SINK}, {@code K_CE_OVERRIDES} and {@code K_CA_CERTS}, removes them when
 * the sink goes or the binding is deleted, and reports SinkBinding's conditions. The
 * eventing-controller program ({@code ControllerProgram}) runs it.
 */
package dev.tributary.controller.sinkbinding;
