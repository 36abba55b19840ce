package com.example.outside;

import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.out.MessageStore;

/** Breaks the outside driving-adapter rule on purpose: it calls a use case and also holds a store. */
public class OutsideControllerReachingPastTheUseCase {

    private final SendMessage sending;
    private final MessageStore messages;

    public OutsideControllerReachingPastTheUseCase(SendMessage sending, MessageStore messages) {
        this.sending = sending;
        this.messages = messages;
    }

    public Object[] both() {
        return new Object[] {sending, messages};
    }
}
