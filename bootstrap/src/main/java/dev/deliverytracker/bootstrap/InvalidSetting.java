package dev.deliverytracker.bootstrap;

import java.util.function.Supplier;

/**
 * A setting the service cannot start with. The settings records and policies check themselves and say
 * what is wrong; this adds which setting it was, and {@link InvalidSettingFailureAnalyzer} turns it into
 * Spring Boot's start-failure report instead of a stack trace.
 */
final class InvalidSetting extends RuntimeException {

    private final String setting;

    InvalidSetting(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    /** Builds what the setting describes, naming the setting when the value is refused. */
    static <T> T building(String setting, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException refused) {
            throw new InvalidSetting(setting, refused.getMessage(), refused);
        }
    }

    String setting() {
        return setting;
    }
}
