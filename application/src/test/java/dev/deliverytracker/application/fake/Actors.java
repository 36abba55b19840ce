package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.Actor;

/** Actors for use case tests about something other than who may call them. */
public final class Actors {

    /** Above organizations, as the configuration applied at start is: every check lets it through. */
    public static final Actor PLATFORM = new Actor.Configuration("test");

    private Actors() {
    }
}
