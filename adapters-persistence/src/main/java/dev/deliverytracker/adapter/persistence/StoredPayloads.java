package dev.deliverytracker.adapter.persistence;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Turns a payload into the JSON kept in the database, masked or not as {@link PayloadSettings} say. */
@Component
class StoredPayloads {

    private final boolean maskPhoneNumbers;

    StoredPayloads(ObjectProvider<PayloadSettings> settings) {
        this.maskPhoneNumbers = settings.getIfAvailable(PayloadSettings::defaults).maskPhoneNumbers();
    }

    String json(Map<String, List<String>> form) {
        return PayloadJson.of(form, maskPhoneNumbers);
    }
}
