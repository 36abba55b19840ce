package dev.deliverytracker.application.fake;

import java.util.List;

class KeptRejectedCallbacksTest extends RejectedCallbacksContract {

    private final KeptRejectedCallbacks rejected = new KeptRejectedCallbacks();

    @Override
    protected KeptRejectedCallbacks rejected() {
        return rejected;
    }

    @Override
    protected List<Rejection> keptAt(String url) {
        return rejected.kept().stream().filter(kept -> kept.callback().url().equals(url))
                .map(kept -> new Rejection(kept.callback().first("AccountSid").orElse(null), kept.callback().url(),
                        kept.callback().parameters(), kept.reason(), kept.callback().receivedAt()))
                .toList();
    }
}
