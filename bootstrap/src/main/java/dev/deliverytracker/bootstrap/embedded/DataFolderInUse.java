package dev.deliverytracker.bootstrap.embedded;

/** The embedded database's folder belongs to a live process: starting a second server on it is refused. */
public final class DataFolderInUse extends IllegalStateException {

    DataFolderInUse(String message) {
        super(message);
    }
}
