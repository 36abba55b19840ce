package dev.deliverytracker.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the simulator charges, the way Twilio shows it on a message: a negative decimal string with
 * five places in US dollars, per segment for SMS and per message for WhatsApp. A message that
 * failed never left Twilio and costs nothing; an undelivered one was handed on and is charged.
 */
final class Pricing {

    static final String UNIT = "USD";
    static final BigDecimal SMS_PER_SEGMENT = new BigDecimal("0.00790");
    static final BigDecimal WHATSAPP_PER_MESSAGE = new BigDecimal("0.00500");

    private Pricing() {
    }

    static String of(SimulatedMessage message) {
        BigDecimal charged = "failed".equals(message.status()) ? BigDecimal.ZERO
                : message.channel() == Channel.WHATSAPP ? WHATSAPP_PER_MESSAGE
                : SMS_PER_SEGMENT.multiply(BigDecimal.valueOf(Math.max(1, message.numSegments())));
        return charged.negate().setScale(5, RoundingMode.UNNECESSARY).toPlainString();
    }
}
