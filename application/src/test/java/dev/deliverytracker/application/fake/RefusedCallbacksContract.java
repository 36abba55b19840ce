package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.domain.AccountSid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every quarantine of refused callbacks promises ({@link RefusedCallbacks}), run against the
 * in-memory {@link KeptRefusedCallbacks} and against PostgreSQL. Each test uses accounts of its own.
 * The cap per account and hour and the age limit are the real store's alone and tested beside it.
 */
public abstract class RefusedCallbacksContract {

    /** Recent: the real store ages out rows a week older than the newest it keeps, whoever kept it. */
    protected static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);

    protected abstract RefusedCallbacks quarantine();

    @Test
    void a_kept_callback_reads_back_exactly_as_received_with_its_reason() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("AccountSid", List.of(account.value()));
        form.put("MessageStatus", List.of("delivered"));
        form.put("To", List.of("whatsapp:+31612345678"));
        form.put("Repeated", List.of("one", "two"));
        form.put("Empty", List.of(""));
        StatusCallback sent = new StatusCallback("https://wrong.example.com/twilio-status?mid=7", form, "sig==",
                "idem-1", HOUR.plusSeconds(5), "203.0.113.9");

        quarantine().keep(sent, "X-Twilio-Signature does not match");

        assertThat(quarantine().of(account, HOUR, HOUR.plusSeconds(3600), 10)).singleElement().satisfies(kept -> {
            assertThat(kept.callback()).isEqualTo(sent);
            // Not promised: the order of the names (PostgreSQL's jsonb does not keep it). Twilio's
            // signature sorts them, so a replay does not depend on it; repeated values keep theirs.
            assertThat(kept.callback().parameters().get("Repeated")).containsExactly("one", "two");
            assertThat(kept.reason()).isEqualTo("X-Twilio-Signature does not match");
        });
    }

    @Test
    void callbacks_are_listed_per_account_oldest_first_within_the_half_open_range_up_to_the_limit() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        AccountSid other = DeliveryStoreContract.randomAccount();
        quarantine().keep(callback(account, HOUR.plusSeconds(30), "third"), "mismatch");
        quarantine().keep(callback(account, HOUR.plusSeconds(10), "first"), "mismatch");
        quarantine().keep(callback(account, HOUR.plusSeconds(20), "second"), "mismatch");
        quarantine().keep(callback(account, HOUR.plusSeconds(40), "at the end"), "mismatch");
        quarantine().keep(callback(account, HOUR.minusSeconds(1), "before"), "mismatch");
        quarantine().keep(callback(other, HOUR.plusSeconds(15), "other"), "mismatch");

        assertThat(signatures(quarantine().of(account, HOUR, HOUR.plusSeconds(40), 10)))
                .containsExactly("first", "second", "third");
        assertThat(signatures(quarantine().of(account, HOUR, HOUR.plusSeconds(40), 2)))
                .containsExactly("first", "second");
        assertThat(signatures(quarantine().of(other, HOUR, HOUR.plusSeconds(40), 10))).containsExactly("other");
        assertThat(quarantine().of(DeliveryStoreContract.randomAccount(), HOUR, HOUR.plusSeconds(40), 10)).isEmpty();
    }

    @Test
    void a_released_callback_leaves_the_quarantine_and_the_others_stay() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        quarantine().keep(callback(account, HOUR.plusSeconds(1), "released"), "mismatch");
        quarantine().keep(callback(account, HOUR.plusSeconds(2), "kept"), "mismatch");
        long id = quarantine().of(account, HOUR, HOUR.plusSeconds(60), 10).get(0).id();

        quarantine().release(id);
        quarantine().release(id);

        assertThat(signatures(quarantine().of(account, HOUR, HOUR.plusSeconds(60), 10))).containsExactly("kept");
    }

    @Test
    void the_same_callback_refused_twice_is_kept_twice_under_two_ids() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        StatusCallback callback = callback(account, HOUR.plusSeconds(1), "again");

        quarantine().keep(callback, "mismatch");
        quarantine().keep(callback, "mismatch");

        assertThat(quarantine().of(account, HOUR, HOUR.plusSeconds(60), 10))
                .extracting(QuarantinedCallback::id).doesNotHaveDuplicates().hasSize(2);
    }

    protected static StatusCallback callback(AccountSid account, Instant at, String signature) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("AccountSid", List.of(account.value()));
        form.put("MessageSid", List.of(DeliveryStoreContract.randomSid().value()));
        form.put("MessageStatus", List.of("delivered"));
        return new StatusCallback("https://tracker.example.com/twilio-status", form, signature, "", at);
    }

    private static List<String> signatures(List<QuarantinedCallback> kept) {
        return kept.stream().map(k -> k.callback().signature()).toList();
    }
}
