/**
 * The dashboard's administration pages: organizations, their Twilio accounts, senders, API keys,
 * operators and audit trail, for people signed in. They call the same use cases as the administration
 * API, as the signed-in operator; what that operator may see and change is the use cases' decision.
 * Depends on the application's inbound ports only.
 */
package dev.deliverytracker.adapter.web.dashboard.admin;
