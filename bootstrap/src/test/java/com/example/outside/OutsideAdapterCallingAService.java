package com.example.outside;

import dev.deliverytracker.application.service.SendMessageService;

/** Breaks the outside-adapter rule on purpose: it holds a service class instead of the use case. */
public class OutsideAdapterCallingAService {

    private final SendMessageService service;

    public OutsideAdapterCallingAService(SendMessageService service) {
        this.service = service;
    }

    public Object service() {
        return service;
    }
}
