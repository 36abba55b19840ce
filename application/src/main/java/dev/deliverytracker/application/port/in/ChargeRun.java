package dev.deliverytracker.application.port.in;

/**
 * What one run of {@link CollectCharges} did.
 *
 * @param candidates  unpriced final messages found
 * @param priced      answers that carried a price
 * @param unpriced    answers without a price yet (asked again later)
 * @param failed      fetches that failed, found nothing, or had no account to ask with
 * @param rateLimited whether the provider answered 429 and the run stopped early
 */
public record ChargeRun(int candidates, int priced, int unpriced, int failed, boolean rateLimited) {

    public static final ChargeRun NOTHING = new ChargeRun(0, 0, 0, 0, false);
}
