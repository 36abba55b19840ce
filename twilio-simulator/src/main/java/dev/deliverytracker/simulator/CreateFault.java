package dev.deliverytracker.simulator;

/** A failure the next create calls answer with, armed by {@link TwilioSimulator#injectCreateFaults}. */
public enum CreateFault {
    /** 429 with code 20429: Twilio's "too many requests"; nothing is stored. */
    TOO_MANY_REQUESTS(429, 20429, "Too Many Requests"),
    /** 500 with code 20500; nothing is stored. */
    SERVER_ERROR(500, 20500, "Internal Server Error"),
    /** 503 with code 20503; nothing is stored. */
    SERVICE_UNAVAILABLE(503, 20503, "Service Unavailable"),
    /**
     * The message is stored and its callbacks run, but the answer is 500: the client cannot tell
     * that it was sent, and twilio-java's automatic 5xx retry would then create a second message.
     */
    ACCEPT_THEN_SERVER_ERROR(500, 20500, "Internal Server Error");

    private final int httpStatus;
    private final int code;
    private final String message;

    CreateFault(int httpStatus, int code, String message) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.message = message;
    }

    boolean storesTheMessage() {
        return this == ACCEPT_THEN_SERVER_ERROR;
    }

    TwilioError error() {
        return new TwilioError(code, message, httpStatus);
    }
}
