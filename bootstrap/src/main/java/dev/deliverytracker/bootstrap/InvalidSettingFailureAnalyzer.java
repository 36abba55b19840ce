package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One start-failure report for every refused setting: what is wrong, and where to change it. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSetting cause) {
        return new FailureAnalysis("Invalid setting " + cause.getMessage(),
                "Change " + cause.setting() + " (in application.yml, or as the environment variable the README's "
                        + "settings table names) and start again.", cause);
    }
}
