package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.LogFields;
import dev.deliverytracker.application.port.in.DispatchMessages;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.MessageWork;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.application.port.out.SendingPace;
import dev.deliverytracker.application.port.out.StatusCallbackAddress;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.TwilioError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Claims due messages and hands each to Twilio once. Exclusivity comes from the outbox claim; a
 * retry after an attempt that may have reached Twilio first asks Twilio whether it already has the
 * message, so a crash or a lost answer does not become a second message.
 */
public final class DispatchMessagesService implements DispatchMessages {

    private static final System.Logger LOG = System.getLogger(DispatchMessagesService.class.getName());

    /** Twilio's "unknown error", for a send that kept failing without a code of its own. */
    static final int UNKNOWN_ERROR = TwilioError.UNKNOWN_ERROR.code();

    /** Twilio's own code for a request without a sender; used when no default sender is configured. */
    static final int NO_SENDER = TwilioError.FROM_REQUIRED.code();
    /** Twilio's code for authentication failures; used when the organization has no credentials. */
    static final int NO_CREDENTIALS = TwilioError.PERMISSION_DENIED.code();

    private final Outbox outbox;
    private final MessageGateway gateway;
    private final TwilioAccounts accounts;
    private final StatusCallbackAddress callbackAddress;
    private final DeliveryLog log;
    private final MessageStore messages;
    private final Clock clock;
    private final DispatchPolicy policy;
    private final DoubleSupplier jitter;
    private final Executor sending;
    private final SendingPace pace;
    private final PacingPolicy pacing;
    private final MessageWork work;
    private volatile boolean stopped;

    public DispatchMessagesService(Outbox outbox, MessageGateway gateway, TwilioAccounts accounts,
            StatusCallbackAddress callbackAddress, DeliveryLog log, MessageStore messages, Clock clock,
            DispatchPolicy policy, DoubleSupplier jitter) {
        this(outbox, gateway, accounts, callbackAddress, log, messages, clock, policy, jitter, Runnable::run);
    }

    /** With {@code sending}, the messages of one claim are sent concurrently (each send waits on Twilio). */
    public DispatchMessagesService(Outbox outbox, MessageGateway gateway, TwilioAccounts accounts,
            StatusCallbackAddress callbackAddress, DeliveryLog log, MessageStore messages, Clock clock,
            DispatchPolicy policy, DoubleSupplier jitter, Executor sending) {
        this(outbox, gateway, accounts, callbackAddress, log, messages, clock, policy, jitter, sending,
                (sender, account, now) -> now, PacingPolicy.off());
    }

    /** With {@code pace}, each sender and account gets at most the rate {@code pacing} gives it. */
    public DispatchMessagesService(Outbox outbox, MessageGateway gateway, TwilioAccounts accounts,
            StatusCallbackAddress callbackAddress, DeliveryLog log, MessageStore messages, Clock clock,
            DispatchPolicy policy, DoubleSupplier jitter, Executor sending, SendingPace pace, PacingPolicy pacing) {
        this(outbox, gateway, accounts, callbackAddress, log, messages, clock, policy, jitter, sending, pace, pacing,
                MessageWork.unobserved());
    }

    /** With {@code work}, each dispatch and each send to Twilio is marked as work about its message. */
    public DispatchMessagesService(Outbox outbox, MessageGateway gateway, TwilioAccounts accounts,
            StatusCallbackAddress callbackAddress, DeliveryLog log, MessageStore messages, Clock clock,
            DispatchPolicy policy, DoubleSupplier jitter, Executor sending, SendingPace pace, PacingPolicy pacing,
            MessageWork work) {
        this.work = work;
        this.pace = pace;
        this.pacing = pacing;
        this.sending = sending;
        this.messages = messages;
        this.outbox = outbox;
        this.gateway = gateway;
        this.accounts = accounts;
        this.callbackAddress = callbackAddress;
        this.log = log;
        this.clock = clock;
        this.policy = policy;
        this.jitter = jitter;
    }

    /**
     * Claims a batch and sends its messages on {@code sending} (one by one on the calling thread when
     * it runs tasks in place), returning once every claimed message has been dealt with.
     */
    @Override
    public int dispatchDue() {
        if (stopped) {
            return 0;
        }
        Instant claimedAt = clock.instant();
        List<Outbox.Claim> claims = outbox.claimDue(policy.batchSize(), claimedAt, policy.lease());
        // Once half the lease is gone, what is still unsent goes back for any dispatcher, so no claim
        // can expire (and be taken over as in doubt) while its send is still under way.
        Instant releaseAfter = claimedAt.plus(policy.lease().dividedBy(2));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Outbox.Claim claim : claims) {
            sends.add(CompletableFuture.runAsync(() -> handle(claim, releaseAfter), sending));
        }
        CompletableFuture.allOf(sends.toArray(new CompletableFuture[0])).join();
        return claims.size();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    private void handle(Outbox.Claim claim, Instant releaseAfter) {
        MessageId id = claim.message().id().orElseThrow();
        try (MessageWork.Scope dispatching = work.begin("dispatch", id, claim.message().organization())) {
            handleClaimed(claim, releaseAfter);
        }
    }

    private void handleClaimed(Outbox.Claim claim, Instant releaseAfter) {
        MessageId id = claim.message().id().orElseThrow();
        if (stopped) {
            outbox.retryLater(id, clock.instant(), "released unsent: the instance is stopping", claim.inDoubt());
            return;
        }
        if (clock.instant().isAfter(releaseAfter)) {
            outbox.retryLater(id, clock.instant(), "released unsent: the batch ran long", claim.inDoubt());
            return;
        }
        try {
            dispatch(claim);
        } catch (RuntimeException failure) {
            try {
                failedMidway(claim, failure);
            } catch (RuntimeException storeDown) {
                // Not even the failure could be stored: the claim's lease brings the message back.
                LOG.log(System.Logger.Level.ERROR, "message {0}: failure not recorded: {1}", id, storeDown.toString());
            }
        }
    }

    /** The store or the gateway broke mid-way: whether Twilio got it is unknown, so look first next time. */
    private void failedMidway(Outbox.Claim claim, RuntimeException failure) {
        MessageId id = claim.message().id().orElseThrow();
        LOG.log(System.Logger.Level.WARNING, "dispatch of message {0} failed (attempt {1}): {2}", id, claim.attempt(),
                failure.toString());
        if (claim.attempt() >= policy.maxAttempts()) {
            log.sendFailed(id, DeliveryError.of(UNKNOWN_ERROR, "gave up after " + claim.attempt() + " attempts: "
                    + failure), clock.instant());
            return;
        }
        outbox.retryLater(id, clock.instant().plus(policy.delayAfter(claim.attempt(), jitter.getAsDouble())),
                "dispatch failed: " + failure, true);
    }

    private void dispatch(Outbox.Claim claim) {
        Message message = claim.message();
        MessageId id = message.id().orElseThrow();
        Optional<TwilioAccount> account = accounts.findByOrganization(message.organization());
        if (account.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "message {0} failed: organization {1} has no Twilio account", id,
                    message.organization());
            log.sendFailed(id, DeliveryError.of(NO_CREDENTIALS, "no Twilio account is configured for organization "
                    + message.organization()), clock.instant());
            return;
        }
        Optional<Sender> sender = resolve(message.sender(), account.get().defaultSender(), message.channel());
        if (sender.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "message {0} failed: organization {1} has no default sender", id,
                    message.organization());
            log.sendFailed(id, DeliveryError.of(NO_SENDER, "no sender: the request named none and organization "
                    + message.organization() + " has no default sender"), clock.instant());
            return;
        }
        OutgoingMessage outgoing;
        try {
            outgoing = new OutgoingMessage(id, account.get().sid(), message.to(), sender.get(), message.content(),
                    callbackAddress.forMessage(id));
        } catch (IllegalArgumentException unsendable) {
            log.sendFailed(id, DeliveryError.of(NO_SENDER, unsendable.getMessage()), clock.instant());
            return;
        }
        if (claim.inDoubt()) {
            // A match that is already another message of ours is a look-alike, not this one. A SID that
            // this message holds already (its first send's callback outran the takeover) is this send.
            List<SendResult.Accepted> found;
            try (MessageWork.Scope asking = work.begin("lookup", id, message.organization())) {
                found = gateway.findAccepted(outgoing, claim.firstAttemptAt());
            }
            Optional<SendResult.Accepted> earlier = found.stream()
                    .filter(match -> !messages.sidTakenElsewhere(match.sid(), id))
                    .findFirst();
            if (earlier.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "message {0} was already with Twilio as {1}; not sent again", id,
                        earlier.get().sid());
                accepted(id, earlier.get());
                return;
            }
        }
        if (mustWaitForItsSlot(claim, outgoing)) {
            return;
        }
        SendResult result;
        try (MessageWork.Scope sending = work.begin("send", id, message.organization())) {
            result = gateway.send(outgoing);
            if (result instanceof SendResult.Accepted accepted) {
                sending.learnt(LogFields.MESSAGE_SID, accepted.sid().value());
            }
        } catch (IllegalStateException noCredentials) {
            log.sendFailed(id, DeliveryError.of(NO_CREDENTIALS, noCredentials.getMessage()), clock.instant());
            return;
        }
        if (result instanceof SendResult.Accepted accepted) {
            accepted(id, accepted);
        } else if (result instanceof SendResult.Rejected rejected) {
            log.sendFailed(id, rejected.error(), clock.instant());
        } else if (result instanceof SendResult.TransientFailure failure) {
            retryOrGiveUp(claim, failure);
        }
    }

    /**
     * Books this attempt's place in its sender's and account's schedules, unless it did so before and
     * its place has come. A place in the future sends the message back to the outbox until then.
     */
    private boolean mustWaitForItsSlot(Outbox.Claim claim, OutgoingMessage outgoing) {
        if (!pacing.enabled() || claim.paced()) {
            return false;
        }
        Instant now = clock.instant();
        Instant slot = pace.reserve(pacing.senderLane(outgoing.sender()),
                pacing.accountLane(outgoing.account().value()), now);
        if (!slot.isAfter(now)) {
            return false;
        }
        LOG.log(System.Logger.Level.DEBUG, "message {0} paced until {1}", outgoing.id(), slot);
        outbox.pace(outgoing.id(), slot);
        return true;
    }

    private void accepted(MessageId id, SendResult.Accepted accepted) {
        log.accepted(id, DeliveryEvent.of(accepted.sid(), accepted.status(), DeliveryError.NONE,
                EventSource.SEND_RESPONSE, clock.instant()));
    }

    private void retryOrGiveUp(Outbox.Claim claim, SendResult.TransientFailure failure) {
        MessageId id = claim.message().id().orElseThrow();
        // A 429 or a refusal Twilio answered means it did not take the message; a 5xx or silence may hide one.
        boolean inDoubt = !failure.wasAnswered() || failure.httpStatus() >= 500;
        if (claim.attempt() >= policy.maxAttempts()) {
            int code = failure.errorCode() > 0 ? failure.errorCode() : UNKNOWN_ERROR;
            LOG.log(System.Logger.Level.WARNING, "message {0} failed: gave up after {1} attempts: {2}", id,
                    claim.attempt(), failure.reason());
            log.sendFailed(id, DeliveryError.of(code, "gave up after " + claim.attempt() + " attempts: "
                    + failure.reason()), clock.instant());
            return;
        }
        Instant next = clock.instant().plus(policy.delayAfter(claim.attempt(), jitter.getAsDouble()));
        outbox.retryLater(id, next, failure.reason(), inDoubt);
    }

    /** The organization's default number serves every channel: the same number, on the message's channel. */
    private static Optional<Sender> resolve(Sender requested, Sender organizationDefault, Channel channel) {
        if (!(requested instanceof Sender.OrganizationDefault)) {
            return Optional.of(requested);
        }
        if (organizationDefault instanceof Sender.Number number) {
            return Optional.of(new Sender.Number(new Address(channel, number.address().e164())));
        }
        return organizationDefault instanceof Sender.Service ? Optional.of(organizationDefault) : Optional.empty();
    }
}
