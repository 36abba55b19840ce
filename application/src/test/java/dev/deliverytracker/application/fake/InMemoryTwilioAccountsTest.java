package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccounts;

class InMemoryTwilioAccountsTest extends TwilioAccountsContract {

    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts();

    @Override
    protected Organizations organizations() {
        return accounts;
    }

    @Override
    protected TwilioAccounts accounts() {
        return accounts;
    }
}
