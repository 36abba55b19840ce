package dev.deliverytracker.adapter.twilio;

import dev.deliverytracker.application.fake.MessageGatewayContract;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.simulator.CreateFault;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** twilio-java against the in-process Twilio simulator, one simulator per test. */
class TwilioMessageGatewayContractTest extends MessageGatewayContract {

    private TwilioSimulator simulator;
    private AccountSid account;
    private TwilioMessageGateway gateway;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        // No callbacks: nothing listens at the callback URL, and the contract is about the create.
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.noCallbacks()));
        account = AccountSid.of(simulator.accountSid());
        gateway = new TwilioMessageGateway(sid -> sid.equals(account) ? simulator.authToken() : null,
                simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Override
    protected MessageGateway gateway() {
        return gateway;
    }

    @Override
    protected AccountSid account() {
        return account;
    }

    @Override
    protected void refuseRecipient(Address to, int code) {
        simulator.behaviour(simulator.behaviour().withRule("^" + Pattern.quote(to.e164()) + "$",
                Outcome.rejectOnCreate(code)));
    }

    @Override
    protected void rateLimitNextSend() {
        simulator.injectCreateFaults(CreateFault.TOO_MANY_REQUESTS, 1);
    }

    @Override
    protected void storeButFailNextSend() {
        simulator.injectCreateFaults(CreateFault.ACCEPT_THEN_SERVER_ERROR, 1);
    }

    @Override
    protected int taken() {
        return simulator.messages().size();
    }
}
