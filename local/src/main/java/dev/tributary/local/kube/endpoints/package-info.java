/**
 * kube-controller-manager's Endpoints controller for the local cluster: a Service with a selector
 * gets an Endpoints object of the same name listing its pods' addresses and resolved ports.
 */
package dev.tributary.local.kube.endpoints;
