package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.domain.AccountSid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every keeper of signed callbacks we could not read promises ({@link RejectedCallbacks}), run against
 * the in-memory {@link KeptRejectedCallbacks} and against PostgreSQL. The port only writes: operators read
 * what it kept with SQL (docs/operations.md). So each implementation reads its own store back through
 * {@link #keptAt(String)}, as an operator would; the assertions are shared. Each test posts to a URL of
 * its own. Masking phone numbers and ageing out are the real store's alone and tested beside it.
 */
public abstract class RejectedCallbacksContract {

    /** Whole seconds: the database keeps microseconds. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** One kept callback, as the store holds it. */
    public record Rejection(String account, String url, Map<String, List<String>> parameters, String reason,
            Instant receivedAt) {
    }

    protected abstract RejectedCallbacks rejected();

    /** What the store holds for callbacks posted to this URL, in the order they were kept. */
    protected abstract List<Rejection> keptAt(String url);

    @Test
    void a_rejected_callback_is_kept_with_its_reason_its_form_and_when_it_came() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        String url = url();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("AccountSid", List.of(account.value()));
        form.put("MessageSid", List.of(DeliveryStoreContract.randomSid().value()));
        form.put("MessageStatus", List.of("deliverd"));
        form.put("Repeated", List.of("one", "two"));
        form.put("Empty", List.of(""));

        rejected().keep(new StatusCallback(url, form, "sig==", "", NOW), "unknown status 'deliverd'");

        // Not promised: the order of the names (PostgreSQL's jsonb does not keep it); repeated values keep theirs.
        assertThat(keptAt(url)).containsExactly(
                new Rejection(account.value(), url, form, "unknown status 'deliverd'", NOW));
    }

    @Test
    void a_callback_that_names_no_account_is_kept_all_the_same() {
        String url = url();
        Map<String, List<String>> form = Map.of("MessageStatus", List.of("delivered"));

        rejected().keep(new StatusCallback(url, form, "sig==", "", NOW), "no AccountSid");

        assertThat(keptAt(url)).containsExactly(new Rejection(null, url, form, "no AccountSid", NOW));
    }

    @Test
    void a_callback_of_an_account_no_organization_holds_is_kept() {
        String url = url();
        AccountSid stranger = DeliveryStoreContract.randomAccount();
        Map<String, List<String>> form = Map.of("AccountSid", List.of(stranger.value()), "MessageStatus", List.of("?"));

        rejected().keep(new StatusCallback(url, form, "sig==", "", NOW), "unreadable");

        assertThat(keptAt(url)).extracting(Rejection::account).containsExactly(stranger.value());
    }

    @Test
    void the_same_callback_rejected_twice_is_kept_twice() {
        String url = url();
        StatusCallback callback = new StatusCallback(url, Map.of("MessageStatus", List.of("?")), "sig==", "", NOW);

        rejected().keep(callback, "first");
        rejected().keep(callback, "second");

        assertThat(keptAt(url)).extracting(Rejection::reason).containsExactly("first", "second");
    }

    private static String url() {
        return "https://tracker.example.com/twilio-status?contract=" + UUID.randomUUID();
    }
}
