package dev.deliverytracker.adapter.twilio;

import dev.deliverytracker.application.fake.TwilioAccountCheckContract;
import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** twilio-java's Accounts fetcher against the in-process Twilio simulator, one simulator per test. */
class TwilioAccountFetcherContractTest extends TwilioAccountCheckContract {

    private TwilioSimulator simulator;
    private TwilioAccountFetcher fetcher;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        fetcher = new TwilioAccountFetcher(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Override
    protected TwilioAccountCheck check() {
        return fetcher;
    }

    @Override
    protected AccountSid mainAccount() {
        return AccountSid.of(simulator.accountSid());
    }

    @Override
    protected String mainToken() {
        return simulator.authToken();
    }

    @Override
    protected void addSubaccount(AccountSid parent, AccountSid sid, String token) {
        simulator.registerSubaccount(parent.value(), sid.value(), token);
    }

    /** Port 9 (discard) has nobody listening on loopback: the connection is refused. */
    @Override
    protected void cutOff() {
        fetcher = new TwilioAccountFetcher(URI.create("http://127.0.0.1:9"));
    }
}
