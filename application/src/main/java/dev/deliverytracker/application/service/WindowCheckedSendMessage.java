package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.Sender;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The send use case with WhatsApp's customer service window in front: a free-form WhatsApp message to
 * a recipient who has not written within 24 hours would fail at Twilio with 63016 (after costing a
 * send), so under {@link WindowEnforcement#REFUSE} it is refused before anything is stored, and under
 * {@link WindowEnforcement#WARN} it is sent and reported to {@code warnings}. Everything else goes to
 * the send use case unchanged.
 */
public final class WindowCheckedSendMessage implements SendMessage {

    private final SendMessage send;
    private final InboundMessages inbound;
    private final WindowEnforcements enforcements;
    private final Clock clock;
    private final Consumer<SendMessageCommand> warnings;

    public WindowCheckedSendMessage(SendMessage send, InboundMessages inbound, WindowEnforcements enforcements,
            Clock clock, Consumer<SendMessageCommand> warnings) {
        this.send = send;
        this.inbound = inbound;
        this.enforcements = enforcements;
        this.clock = clock;
        this.warnings = warnings;
    }

    @Override
    public SendOutcome send(SendMessageCommand command) {
        if (!CustomerServiceWindow.isNeededFor(command.to(), command.content())) {
            return send.send(command);
        }
        WindowEnforcement enforcement = enforcements.of(command.organization());
        if (enforcement == WindowEnforcement.OFF) {
            return send.send(command);
        }
        Instant now = clock.instant();
        // With a named number the window is that number's; the organization's default or a Messaging
        // Service picks the number later, so then any window the customer opened with the organization counts.
        Optional<CustomerServiceWindow> window = command.sender() instanceof Sender.Number number
                ? inbound.latestWindow(command.organization(), command.to(), number.address())
                : inbound.latestWindow(command.organization(), command.to());
        if (window.filter(open -> open.isOpenAt(now)).isPresent()) {
            return send.send(command);
        }
        if (enforcement == WindowEnforcement.REFUSE) {
            return new SendOutcome.OutsideWindow(command.to(), window.map(CustomerServiceWindow::lastInboundAt));
        }
        warnings.accept(command);
        return send.send(command);
    }
}
