package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.out.PaceRate;
import dev.deliverytracker.application.port.out.SendingPace;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.Sender;

/**
 * How fast the dispatcher hands messages to Twilio, per sender and per Twilio account, so that a burst
 * waits in our outbox (visible, with the time it is paced until) rather than in Twilio's queue, where
 * it would fail with 21611 / 30001 once the sender's queue is full, or with 63017 above the account cap.
 *
 * @param enabled          off: every message goes as soon as it is due
 * @param smsNumber        each SMS number (long code, toll-free, short code, alphanumeric sender)
 * @param whatsappNumber   each WhatsApp sender
 * @param messagingService each Messaging Service (a pool of senders)
 * @param account          each Twilio account, whatever the sender
 */
public record PacingPolicy(boolean enabled, PaceRate smsNumber, PaceRate whatsappNumber, PaceRate messagingService,
        PaceRate account) {

    public PacingPolicy {
        if (smsNumber == null || whatsappNumber == null || messagingService == null || account == null) {
            throw new IllegalArgumentException("pacing needs a rate for SMS numbers, WhatsApp senders, Messaging "
                    + "Services and accounts");
        }
    }

    /** Every message at once: for tests of other things. */
    public static PacingPolicy off() {
        PaceRate any = new PaceRate(1, 1);
        return new PacingPolicy(false, any, any, any, any);
    }

    /** The sender's lane; its key is the sender as Twilio knows it. */
    SendingPace.Lane senderLane(Sender sender) {
        if (sender instanceof Sender.Service service) {
            return new SendingPace.Lane("sender:" + service.sid().value(), messagingService);
        }
        Sender.Number number = (Sender.Number) sender;
        PaceRate rate = number.address().channel() == Channel.WHATSAPP ? whatsappNumber : smsNumber;
        return new SendingPace.Lane("sender:" + number.address().toTwilio(), rate);
    }

    SendingPace.Lane accountLane(String accountSid) {
        return new SendingPace.Lane("account:" + accountSid, account);
    }
}
