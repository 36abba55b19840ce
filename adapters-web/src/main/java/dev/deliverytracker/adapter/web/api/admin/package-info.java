/**
 * The administration API: organizations, their API keys and the audit trail, for platform and
 * organization administrators. Turns requests into the use cases' commands with the caller as their
 * {@code Actor}, and each {@code AdminOutcome} into a status and a problem; whether the caller may is
 * decided by the use cases, never here.
 */
package dev.deliverytracker.adapter.web.api.admin;
