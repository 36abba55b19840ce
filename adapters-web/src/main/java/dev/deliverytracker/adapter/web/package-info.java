/**
 * HTTP in and out of the service: the Twilio status webhook, the REST API and the dashboard. Turns
 * requests into commands of the application and outcomes into responses; knows HTTP, not Twilio's
 * SDK. Depends on the application and the domain; never on another adapter.
 */
package dev.deliverytracker.adapter.web;
