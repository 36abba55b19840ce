package dev.deliverytracker.application.port;

import dev.deliverytracker.application.port.in.SendMessage;

/** Breaks the shared-types rule on purpose: a type both sides share that names one side. */
public record SharedTypeNamingAUseCase(SendMessage sender) {
}
