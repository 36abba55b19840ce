package dev.deliverytracker.application.port;

import java.util.function.Supplier;

/**
 * A setting the service cannot start with, thrown by whichever module reads it: the service itself or an
 * adapter's auto-configuration. The settings records and policies check themselves and say what is wrong;
 * this adds which setting it was, and the service turns it into Spring Boot's start-failure report
 * instead of a stack trace (ADR 0080, ADR 0085).
 */
public final class InvalidSetting extends RuntimeException {

    private final String setting;

    public InvalidSetting(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    /** Builds what the setting describes, naming the setting when the value is refused. */
    public static <T> T building(String setting, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException refused) {
            throw new InvalidSetting(setting, refused.getMessage(), refused);
        }
    }

    public String setting() {
        return setting;
    }
}
