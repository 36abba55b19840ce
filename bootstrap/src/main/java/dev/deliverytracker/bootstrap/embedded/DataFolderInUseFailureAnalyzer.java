package dev.deliverytracker.bootstrap.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused data folder into Spring Boot's start-failure report instead of a stack trace. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUse cause) {
        return new FailureAnalysis(cause.getMessage(), "Stop the process named above, or give this instance its own "
                + "folder with TRACKER_DATA_DIR, or set DATABASE_URL to share an external PostgreSQL between "
                + "instances.", cause);
    }
}
