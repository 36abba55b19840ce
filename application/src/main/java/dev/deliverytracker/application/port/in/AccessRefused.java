package dev.deliverytracker.application.port.in;

/**
 * The actor may not do what it asked of a use case whose answer is not an {@link AdminOutcome} (a
 * timeline, a page of messages, a report): thrown before anything is read or changed, so those use
 * cases keep their own result types. {@code refusal} is {@link AdminOutcome.NotFound} when the actor
 * is not a member of the organization (nothing leaks) and {@link AdminOutcome.Forbidden} when it is
 * but lacks the role or scope.
 */
public final class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AdminOutcome<?> refusal;

    public AccessRefused(AdminOutcome<?> refusal) {
        super(describe(refusal));
        this.refusal = refusal;
    }

    public AdminOutcome<?> refusal() {
        return refusal;
    }

    /** True when the answer must be "not found": the actor may not learn the thing exists. */
    public boolean hidden() {
        return refusal instanceof AdminOutcome.NotFound<?>;
    }

    private static String describe(AdminOutcome<?> refusal) {
        if (refusal instanceof AdminOutcome.NotFound<?> notFound) {
            return "no " + notFound.what() + " that you can see";
        }
        if (refusal instanceof AdminOutcome.Forbidden<?> forbidden) {
            return "this needs " + forbidden.needed();
        }
        throw new IllegalArgumentException("refusal: only not found or forbidden refuse access, was " + refusal);
    }
}
